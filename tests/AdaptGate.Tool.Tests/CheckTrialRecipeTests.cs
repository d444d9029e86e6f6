using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// <c>check --recipe</c>: the trial's retrain refits the whole pipeline from the recipe, so where the old featurizer
/// cannot follow the data (two new categories on 40% of the rows) the trial measures the retrain that would win,
/// and without the recipe it cannot.
/// </summary>
public sealed class CheckTrialRecipeTests
{
    [Fact]
    public void With_the_recipe_the_trial_measures_the_refitted_retrain_and_decides_for_it()
    {
        var world = new RecipeScenario("check-recipe");
        string[] numeric = ["Income", "Debt"];
        var oldEffects = new Dictionary<string, double> { ["north"] = 0.5 };
        var referenceRows = RecipeScenario.Rows(3000, 1, RecipeScenario.Shares(("north", 1 / 3.0), ("south", 1 / 3.0), ("east", 1 / 3.0)), oldEffects);
        var effects = new Dictionary<string, double>(oldEffects) { ["west"] = -4, ["central"] = 4 };
        var currentRows = RecipeScenario.Rows(2000, 2, RecipeScenario.Shares(("north", 0.2), ("south", 0.2), ("east", 0.2), ("west", 0.2), ("central", 0.2)), effects);
        var reference = world.WriteCsv("reference.csv", referenceRows, "Income", "Debt", "Region");
        var current = world.WriteCsv("current.csv", currentRows, "Income", "Debt", "Region");
        var model = world.TrainModel(referenceRows, numeric, "meanVariance");
        var recipe = world.Recipe(numeric, "meanVariance");

        var withRecipe = Check(reference, current, model, "--recipe", recipe);
        var without = Check(reference, current, model);

        var refitted = withRecipe.Trial!.Candidates.Single(c => c.Action == Verdict.Retrain).Metric!.Value;
        var reused = without.Trial!.Candidates.Single(c => c.Action == Verdict.Retrain).Metric!.Value;
        Assert.Equal(Verdict.Retrain, withRecipe.Verdict);
        Assert.Equal("trial", withRecipe.Reasons[0].Rule);
        Assert.True(refitted > reused + 0.03, $"retrain from the recipe {refitted}, reusing the featurizer {reused}");
        Assert.NotEqual(Verdict.Retrain, without.Trial.Verdict);
    }

    [Fact]
    public void A_recipe_that_cannot_be_read_is_bad_input_named_by_its_file()
    {
        var world = new RecipeScenario("check-bad-recipe");
        var rows = RecipeScenario.Rows(600, 1, RecipeScenario.Shares(("north", 0.5), ("south", 0.5)), new Dictionary<string, double>());
        var reference = world.WriteCsv("reference.csv", rows, "Income", "Debt", "Region");
        var model = world.TrainModel(rows, ["Income", "Debt"], "meanVariance");
        var recipe = Path.Combine(Path.GetDirectoryName(reference)!, "broken.recipe.json");
        File.WriteAllText(recipe, "{ \"label\": ");

        var run = CliRun.Of("check", "--reference", reference, "--current", reference, "--model", model, "--label", "Label", "--recipe", recipe, "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.recipe.json", run.Stderr, StringComparison.Ordinal);
    }

    private static CheckReport Check(string reference, string current, string model, params string[] extra)
    {
        var json = Path.Combine(Path.GetDirectoryName(reference)!, $"report-{Guid.NewGuid():N}.json");
        var run = CliRun.Of(["check", "--reference", reference, "--current", current, "--model", model, "--label", "Label", "--no-history", "--json", json, .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonReportFormat.Read(File.ReadAllText(json), json);
    }
}
