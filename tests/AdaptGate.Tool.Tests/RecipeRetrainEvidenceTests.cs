using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Decision;
using Xunit.Abstractions;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// Evidence that a retrain from a recipe is a real retrain: on real ML.NET pipelines, where the data changed in a way
/// the old fitted featurizer cannot follow, it beats the fine-tune (and the retrain that reuses the old featurizer)
/// on the held-out current rows; where nothing changed, it gains nothing. The figures are the held-out auc.
/// </summary>
public sealed class RecipeRetrainEvidenceTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, double> OldEffects = new() { ["north"] = 0.5 };

    [Fact]
    public void Two_new_categories_carrying_forty_percent_of_the_rows_are_told_apart_by_the_recipe_retrain_only()
    {
        var world = new RecipeScenario("new-category");
        string[] numeric = ["Income", "Debt"];
        var referenceRows = RecipeScenario.Rows(3000, 1, RecipeScenario.Shares(("north", 1 / 3.0), ("south", 1 / 3.0), ("east", 1 / 3.0)), OldEffects);
        // The old one-hot encodes every unseen category as the same all-zero vector: one new category is still
        // learnable behind it (as the "none of the above" slot), two with opposite effects are not.
        var effects = new Dictionary<string, double>(OldEffects) { ["west"] = -4, ["central"] = 4 };
        var currentRows = RecipeScenario.Rows(2000, 2, RecipeScenario.Shares(("north", 0.2), ("south", 0.2), ("east", 0.2), ("west", 0.2), ("central", 0.2)), effects);
        var reference = world.WriteCsv("reference.csv", referenceRows, "Income", "Debt", "Region");
        var current = world.WriteCsv("current.csv", currentRows, "Income", "Debt", "Region");
        var model = world.TrainModel(referenceRows, numeric, "meanVariance");
        var recipe = world.Recipe(numeric, "meanVariance");

        var (withRecipe, without) = Compare(model, reference, current, recipe);

        var fineTune = Current(withRecipe, Verdict.FineTune);
        var refitted = Current(withRecipe, Verdict.Retrain);
        var reused = Current(without, Verdict.Retrain);
        output.WriteLine($"new category: unchanged {Current(withRecipe, Verdict.Skip):0.0000}, fine-tune {fineTune:0.0000}, retrain reusing the featurizer {reused:0.0000}, retrain from the recipe {refitted:0.0000}");
        Assert.True(refitted > fineTune + 0.03, $"recipe retrain {refitted}, fine-tune {fineTune}");
        Assert.True(refitted > reused + 0.03, $"recipe retrain {refitted}, reused featurizer {reused}");
        Assert.Equal(Verdict.Retrain, withRecipe.Recommended);
        Assert.Equal(("refitted", "reused"), (withRecipe.Retrain!.Featurizer, without.Retrain!.Featurizer));
    }

    [Fact]
    public void Values_far_outside_the_old_bin_normaliser_are_spread_again_by_the_recipe_retrain()
    {
        var world = new RecipeScenario("out-of-range");
        string[] numeric = ["Income", "Debt"];
        var shares = RecipeScenario.Shares(("north", 1 / 3.0), ("south", 1 / 3.0), ("east", 1 / 3.0));
        var referenceRows = RecipeScenario.Rows(3000, 3, shares, OldEffects);

        // Income now arrives in other units (×10, +20): every value lies above the reference's largest.
        var currentRows = RecipeScenario.Rows(2000, 4, shares, OldEffects, incomeScale: 10, incomeOffset: 20);
        var reference = world.WriteCsv("reference.csv", referenceRows, "Income", "Debt", "Region");
        var current = world.WriteCsv("current.csv", currentRows, "Income", "Debt", "Region");
        var model = world.TrainModel(referenceRows, numeric, "bin");
        var recipe = world.Recipe(numeric, "bin");

        var (withRecipe, without) = Compare(model, reference, current, recipe);

        var fineTune = Current(withRecipe, Verdict.FineTune);
        var refitted = Current(withRecipe, Verdict.Retrain);
        var reused = Current(without, Verdict.Retrain);
        output.WriteLine($"out of range: unchanged {Current(withRecipe, Verdict.Skip):0.0000}, fine-tune {fineTune:0.0000}, retrain reusing the featurizer {reused:0.0000}, retrain from the recipe {refitted:0.0000}");
        Assert.True(refitted > fineTune + 0.03, $"recipe retrain {refitted}, fine-tune {fineTune}");
        Assert.True(refitted > reused + 0.03, $"recipe retrain {refitted}, reused featurizer {reused}");
        Assert.Equal(Verdict.Retrain, withRecipe.Recommended);
    }

    [Fact]
    public void A_removed_feature_is_dropped_from_the_recipe_and_the_recipe_applied_is_written_but_scores_as_the_fine_tune()
    {
        var world = new RecipeScenario("removed");
        string[] numeric = ["Income", "Debt", "Tenure"];
        var shares = RecipeScenario.Shares(("north", 1 / 3.0), ("south", 1 / 3.0), ("east", 1 / 3.0));
        var referenceRows = RecipeScenario.Rows(3000, 5, shares, OldEffects);
        var currentRows = RecipeScenario.Rows(2000, 6, shares, OldEffects);
        var reference = world.WriteCsv("reference.csv", referenceRows, "Income", "Debt", "Tenure", "Region");
        var current = world.WriteCsv("current.csv", currentRows, "Income", "Tenure", "Region");
        var model = world.TrainModel(referenceRows, numeric, "meanVariance");
        var recipe = world.Recipe(numeric, "meanVariance");
        var adapted = world.PathOf("adapted.zip");

        var (withRecipe, _) = Compare(model, reference, current, recipe, "--output", adapted);
        var retrained = Run(model, reference, current, "--action", "retrain", "--recipe", recipe, "--output", adapted);

        var fineTune = Current(withRecipe, Verdict.FineTune);
        var refitted = Current(withRecipe, Verdict.Retrain);
        output.WriteLine($"removed feature: unchanged {Current(withRecipe, Verdict.Skip):0.0000}, fine-tune {fineTune:0.0000}, retrain from the recipe {refitted:0.0000}");
        // AdaptGate fills a removed input with a constant, so a fine-tune learns without it too (its twin takes over
        // in ten iterations): the retrain's gain here is a model that no longer reads the column, not a better score.
        Assert.True(refitted > Current(withRecipe, Verdict.Skip) + 0.05, $"recipe retrain {refitted}, unchanged {Current(withRecipe, Verdict.Skip)}");
        Assert.True(Math.Abs(refitted - fineTune) < 0.005, $"recipe retrain {refitted}, fine-tune {fineTune}");
        Assert.Equal(["Debt"], retrained.Retrain!.DroppedColumns);
        Assert.Equal(world.PathOf("adapted.recipe.json"), retrained.Retrain.UpdatedRecipe);
        var applied = Core.Adaptation.Recipes.RecipeReader.Read(retrained.Retrain.UpdatedRecipe!);
        Assert.Equal(["Income", "Tenure", "Region"], applied.Columns.Select(c => c.Name));
        Assert.Equal(["Income", "Tenure", "Region"], applied.Steps.Single(s => s.Step == "concatenate").Columns);
        Assert.Contains(retrained.Warnings, w => w.Contains("no longer has the recipe's 'Debt'", StringComparison.Ordinal));

        // The written model reads the columns the current data has: it scores a file without Debt on its own.
        var scored = Core.Metrics.ModelEvaluator.Evaluate(adapted, Core.Data.TableReader.Read(current), "Label", task: null, CancellationToken.None);
        Assert.True(scored.Values[Core.Metrics.MetricNames.Auc] > 0.8);
    }

    [Fact]
    public void Where_nothing_changed_the_recipe_retrain_gains_nothing_and_skip_is_recommended()
    {
        var world = new RecipeScenario("unchanged");
        string[] numeric = ["Income", "Debt"];
        var shares = RecipeScenario.Shares(("north", 1 / 3.0), ("south", 1 / 3.0), ("east", 1 / 3.0));
        var referenceRows = RecipeScenario.Rows(3000, 7, shares, OldEffects);
        var currentRows = RecipeScenario.Rows(2000, 8, shares, OldEffects);
        var reference = world.WriteCsv("reference.csv", referenceRows, "Income", "Debt", "Region");
        var current = world.WriteCsv("current.csv", currentRows, "Income", "Debt", "Region");
        var model = world.TrainModel(referenceRows, numeric, "meanVariance");
        var recipe = world.Recipe(numeric, "meanVariance");

        var (withRecipe, _) = Compare(model, reference, current, recipe);

        var unchanged = Current(withRecipe, Verdict.Skip);
        var refitted = Current(withRecipe, Verdict.Retrain);
        output.WriteLine($"no change: unchanged {unchanged:0.0000}, fine-tune {Current(withRecipe, Verdict.FineTune):0.0000}, retrain from the recipe {refitted:0.0000}");
        Assert.True(Math.Abs(refitted - unchanged) < 0.01, $"recipe retrain {refitted}, unchanged {unchanged}");
        Assert.Equal(Verdict.Skip, withRecipe.Recommended);
    }

    private static (AdaptationSection WithRecipe, AdaptationSection Without) Compare(string model, string reference, string current, string recipe, params string[] extra) =>
        (Run(model, reference, current, ["--action", "compare", "--recipe", recipe, .. extra.Where(e => e != "--output" && !e.EndsWith(".zip", StringComparison.Ordinal))]),
         Run(model, reference, current, "--action", "compare"));

    private static AdaptationSection Run(string model, string reference, string current, params string[] args)
    {
        var run = CliRun.Of(["adapt", "--model", model, "--reference", reference, "--current", current, "--label", "Label", "--format", "json", "--no-history", .. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return AdaptJsonFormat.Read(run.Stdout).Adaptation;
    }

    private static double Current(AdaptationSection report, Verdict action) => report.Candidates.Single(c => c.Action == action).Current!.Value;
}
