using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Adaptation.Recipes;

namespace AdaptGate.Tool.Tests;

/// <summary><c>adaptgate init --recipe --from-model</c>: a starting recipe read off real ML.NET models and a Model Builder configuration, every guess listed.</summary>
public sealed class RecipeInitTests : IClassFixture<AdaptCommandTests.Files>
{
    private readonly AdaptData _data;

    public RecipeInitTests(AdaptCommandTests.Files files) => _data = files.Data;

    [Fact]
    public void A_linear_models_chain_becomes_its_recipe_with_the_unrecoverable_choices_to_confirm()
    {
        var path = _data.PathOf($"init-{Guid.NewGuid():N}.json");

        var run = CliRun.Of("init", "--recipe", "--from-model", _data.LinearModel, "--output", path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var recipe = RecipeReader.Read(path);
        Assert.Equal("Label", recipe.Label);
        Assert.Equal([("Income", "numeric", "feature"), ("Debt", "numeric", "feature"), ("Region", "categorical", "feature")], recipe.Columns.Select(c => (c.Name, c.Kind, c.Role)));
        Assert.Equal([("oneHot", "Region"), ("concatenate", "Income,Debt,Region"), ("normalize", "Features")], recipe.Steps.Select(s => (s.Step, string.Join(",", s.Columns))));
        Assert.Equal("meanVariance", recipe.Steps[2].Options["kind"]);
        Assert.Equal(("LbfgsLogisticRegression", "Features"), (recipe.Trainer.Name, recipe.Trainer.Features));
        Assert.Collection(recipe.Confirm,
            c => Assert.StartsWith("label: a saved model does not record its label; 'Label' is a guess", c, StringComparison.Ordinal),
            c => Assert.StartsWith("oneHot on 'Region': indicator and bag encodings are saved alike", c, StringComparison.Ordinal),
            c => Assert.Contains("both saved as an affine map (scale and offset), so the kind cannot be recovered", c, StringComparison.Ordinal),
            c => Assert.StartsWith("trainer: a calibrated linear binary model comes from LbfgsLogisticRegression or SdcaLogisticRegression", c, StringComparison.Ordinal));
        var slots = run.Stdout.Split('\n').Single(l => l.Contains("'Region': one-hot with 3 slots (", StringComparison.Ordinal));
        Assert.All(AdaptData.Regions, r => Assert.Contains(r, slots, StringComparison.Ordinal));
        Assert.Contains("4 guesses to confirm", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recipe_is_refused_until_confirmed_then_retrains_the_model_it_came_from()
    {
        var path = _data.PathOf($"confirmed-{Guid.NewGuid():N}.json");
        Assert.Equal(0, CliRun.Of("init", "--recipe", "--from-model", _data.LinearModel, "--label", "Label", "--output", path).ExitCode);
        string[] adapt = ["adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Current, "--label", "Label", "--action", "retrain", "--no-history", "--format", "json", "--recipe", path];

        var refused = CliRun.Of(adapt);
        File.WriteAllText(path, RecipeWriter.Write(RecipeReader.Read(path) with { Confirm = [] }));
        var accepted = CliRun.Of(adapt);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("$.confirm: the recipe still lists 3 guesses to confirm", refused.Stderr, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.Stderr);
        var report = AdaptJsonFormat.Read(accepted.Stdout).Adaptation;
        Assert.Equal("refitted", report.Retrain!.Featurizer);

        // The same pipeline refitted on reference + current scores as the retrain behind the old featurizer does (nothing new to learn here but the concept).
        var reused = AdaptJsonFormat.Read(CliRun.Of(adapt[..^2]).Stdout).Adaptation;
        Assert.Equal(reused.Candidates[^1].Current!.Value, report.Candidates[^1].Current!.Value, 0.01);
    }

    [Fact]
    public void A_tree_model_gives_its_number_of_trees_and_leaves()
    {
        var run = CliRun.Of("init", "--recipe", "--from-model", _data.TreeModel, "--label", "Label", "--output", "-");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var recipe = RecipeReader.Parse(run.Stdout, "stdout");
        Assert.Equal("FastTreeBinary", recipe.Trainer.Name);
        Assert.Equal((10.0, 4.0), ((double)recipe.Trainer.Options["numberOfTrees"], (double)recipe.Trainer.Options["numberOfLeaves"]));
        Assert.Contains(recipe.Confirm, c => c.Contains("numberOfTrees and numberOfLeaves are read off the saved trees", StringComparison.Ordinal));
        Assert.DoesNotContain(recipe.Confirm, c => c.StartsWith("label:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_builder_configuration_is_read_into_a_recipe_and_what_it_cannot_hold_is_listed()
    {
        var config = _data.PathOf("MLModel.mbconfig");
        File.WriteAllText(config, """
            {
              "Scenario": "Regression",
              "DataSource": { "Type": "TabularFile", "ColumnProperties": [
                { "ColumnName": "vendor_id", "ColumnPurpose": "Feature", "ColumnDataFormat": "String", "IsCategorical": true },
                { "ColumnName": "trip_distance", "ColumnPurpose": "Feature", "ColumnDataFormat": "Single", "IsCategorical": false },
                { "ColumnName": "trip_id", "ColumnPurpose": "Ignore", "ColumnDataFormat": "String", "IsCategorical": false },
                { "ColumnName": "fare_amount", "ColumnPurpose": "Label", "ColumnDataFormat": "Single", "IsCategorical": false } ] },
              "RunHistory": { "Pipeline": {
                "parameter": {
                  "0": { "OutputColumnNames": ["vendor_id"], "InputColumnNames": ["vendor_id"] },
                  "1": { "OutputColumnNames": ["trip_distance"], "InputColumnNames": ["trip_distance"] },
                  "2": { "InputColumnNames": ["vendor_id", "trip_distance"], "OutputColumnName": "Features" },
                  "3": { "OutputColumnNames": ["Features"], "InputColumnNames": ["Features"] },
                  "4": { "NumberOfLeaves": 29, "NumberOfTrees": 344, "FeatureFraction": 0.99, "LearningRate": 0.1, "LabelColumnName": "fare_amount", "FeatureColumnName": "Features" } },
                "estimators": ["OneHotEncoding", "ReplaceMissingValues", "Concatenate", "NormalizeMinMax", "FastTreeTweedieRegression"] } },
              "Type": "TrainingConfig", "Version": 2
            }
            """);
        var path = _data.PathOf($"from-mb-{Guid.NewGuid():N}.json");

        var run = CliRun.Of("init", "--recipe", "--from-model", config, "--output", path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var recipe = RecipeReader.Read(path);
        Assert.Equal("fare_amount", recipe.Label);
        Assert.Equal([("vendor_id", "categorical", "feature"), ("trip_distance", "numeric", "feature"), ("trip_id", "text", "ignore")], recipe.Columns.Select(c => (c.Name, c.Kind, c.Role)));
        Assert.Equal(["oneHot", "replaceMissing", "concatenate", "normalize"], recipe.Steps.Select(s => s.Step));
        Assert.Equal("minMax", recipe.Steps[3].Options["kind"]);
        Assert.Equal(("FastTreeRegression", 344.0, 29.0, 0.1), (recipe.Trainer.Name, (double)recipe.Trainer.Options["numberOfTrees"], (double)recipe.Trainer.Options["numberOfLeaves"], (double)recipe.Trainer.Options["learningRate"]));
        Assert.Equal(["trainer: Model Builder chose FastTreeTweedieRegression, which a recipe does not train; FastTreeRegression is the nearest of the same task, a stand-in"], recipe.Confirm);
        Assert.Contains("not read: FeatureFraction", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multiclass_and_a_regression_model_go_through_init_and_a_retrain_from_their_recipe()
    {
        var folder = _data.PathOf($"tasks-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var species = TrainedModels.TrainMulticlass(folder, TrainedModels.SpeciesRows(600, seed: 1));
        var speciesReference = TrainedModels.WriteCsv(Path.Combine(folder, "species-reference.csv"), TrainedModels.SpeciesRows(600, seed: 1));
        var speciesCurrent = TrainedModels.WriteCsv(Path.Combine(folder, "species-current.csv"), TrainedModels.SpeciesRows(600, seed: 2));
        var price = TrainedModels.TrainRegression(folder, TrainedModels.PriceRows(800, seed: 3));
        var priceReference = TrainedModels.WriteCsv(Path.Combine(folder, "price-reference.csv"), TrainedModels.PriceRows(800, seed: 3));
        var priceCurrent = TrainedModels.WriteCsv(Path.Combine(folder, "price-current.csv"), TrainedModels.PriceRows(800, seed: 4, offset: 60));

        var speciesRecipe = Confirmed(species, null, Path.Combine(folder, "species.json"));
        var priceRecipe = Confirmed(price, "Price", Path.Combine(folder, "price.json"));
        var speciesRun = CliRun.Of("adapt", "--model", species, "--reference", speciesReference, "--current", speciesCurrent, "--label", "Species", "--action", "compare", "--recipe", speciesRecipe.Path, "--format", "json", "--no-history");
        var currentOnly = Path.Combine(folder, "current-only.json");
        File.WriteAllText(currentOnly, "{ \"retrain\": { \"window\": \"current\" } }");
        var priceRun = CliRun.Of("adapt", "--model", price, "--reference", priceReference, "--current", priceCurrent, "--label", "Price", "--action", "retrain", "--recipe", priceRecipe.Path, "--format", "json", "--no-history", "--policy", currentOnly);

        // The multiclass label is the column its MapValueToKey reads; the recipe keeps only the features.
        Assert.Equal(("Species", "LbfgsMaximumEntropy"), (speciesRecipe.Recipe.Label, speciesRecipe.Recipe.Trainer.Name));
        Assert.Equal(["PetalLength", "PetalWidth"], speciesRecipe.Recipe.Features.Select(c => c.Name));
        Assert.Equal(("FastTreeRegression", 20.0), (priceRecipe.Recipe.Trainer.Name, (double)priceRecipe.Recipe.Trainer.Options["numberOfTrees"]));
        Assert.True(speciesRun.ExitCode == 0, speciesRun.Stderr);
        Assert.True(priceRun.ExitCode == 0, priceRun.Stderr);
        var speciesRetrain = AdaptJsonFormat.Read(speciesRun.Stdout).Adaptation.Candidates.Single(c => c.Action == Core.Decision.Verdict.Retrain);
        Assert.True(speciesRetrain.Current > 0.9, $"micro-accuracy {speciesRetrain.Current}");
        var priceReport = AdaptJsonFormat.Read(priceRun.Stdout).Adaptation;
        // Every price moved by +60: fitted on the current rows only (the window), the retrain's rmse is the noise's, not the offset's.
        Assert.True(priceReport.Candidates[^1].Current < 10 && priceReport.Candidates[0].Current > 50, $"rmse {priceReport.Candidates[^1].Current} against {priceReport.Candidates[0].Current}");
    }

    private static (string Path, TrainingRecipe Recipe) Confirmed(string model, string? label, string path)
    {
        var run = CliRun.Of(["init", "--recipe", "--from-model", model, "--output", path, .. label is null ? Array.Empty<string>() : ["--label", label]]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var recipe = RecipeReader.Read(path) with { Confirm = [] };
        File.WriteAllText(path, RecipeWriter.Write(recipe));
        return (path, recipe);
    }

    [Fact]
    public void Without_a_model_or_over_it_init_recipe_is_refused()
    {
        var none = CliRun.Of("init", "--recipe");
        var over = CliRun.Of("init", "--recipe", "--from-model", _data.LinearModel, "--output", _data.LinearModel, "--force");
        var stray = CliRun.Of("init", "--from-model", _data.LinearModel, "--output", "-");

        Assert.Equal((2, 2, 2), (none.ExitCode, over.ExitCode, stray.ExitCode));
        Assert.Contains("init --recipe needs --from-model", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("would overwrite the model it is read from", over.Stderr, StringComparison.Ordinal);
        Assert.Contains("--from-model and --label go with --recipe", stray.Stderr, StringComparison.Ordinal);
    }
}
