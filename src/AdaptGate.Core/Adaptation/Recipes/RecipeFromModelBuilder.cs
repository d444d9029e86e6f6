using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>
/// A starting recipe read from an ML.NET Model Builder training configuration (.mbconfig): the columns and their
/// purpose from <c>DataSource.ColumnProperties</c>, and the winning pipeline from <c>RunHistory.Pipeline</c>
/// (<c>estimators</c>, the ML.NET estimator names in order, and <c>parameter</c>, each one's columns and options).
/// What has no recipe equivalent is listed in "confirm" (docs/adapt.md, "ML.NET Model Builder").
/// </summary>
public static class RecipeFromModelBuilder
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Dictionary<string, string> Trainers = new(StringComparer.Ordinal)
    {
        ["LbfgsLogisticRegressionBinary"] = "LbfgsLogisticRegression",
        ["SdcaLogisticRegressionBinary"] = "SdcaLogisticRegression",
        ["FastTreeBinary"] = "FastTreeBinary",
        ["LbfgsMaximumEntropyMulti"] = "LbfgsMaximumEntropy",
        ["SdcaMaximumEntropyMulti"] = "SdcaMaximumEntropy",
        ["SdcaRegression"] = "Sdca",
        ["LbfgsPoissonRegressionRegression"] = "LbfgsPoissonRegression",
        ["FastTreeRegression"] = "FastTreeRegression",
    };

    /// <summary>Model Builder's option names (ML.NET's C# names) that a recipe option takes.</summary>
    private static readonly Dictionary<string, string> TrainerOptions = new(StringComparer.Ordinal)
    {
        ["L1Regularization"] = "l1Regularization",
        ["L2Regularization"] = "l2Regularization",
        ["MaximumNumberOfIterations"] = "maximumIterations",
        ["OptimizationTolerance"] = "optimizationTolerance",
        ["NumberOfTrees"] = "numberOfTrees",
        ["NumberOfLeaves"] = "numberOfLeaves",
        ["MinimumExampleCountPerLeaf"] = "minimumExampleCountPerLeaf",
        ["LearningRate"] = "learningRate",
    };

    /// <exception cref="InputException">Not JSON, or not a Model Builder training configuration with a trained pipeline.</exception>
    public static StartingRecipe Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: Options);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the Model Builder configuration: {e.Message}", path, hint: "Pass the .mbconfig file Model Builder saved beside the project.", inner: e);
        }

        var properties = root?["DataSource"]?["ColumnProperties"] as JsonArray ?? throw new InputException(
            "$.DataSource.ColumnProperties: not found, so this is not a Model Builder training configuration", path, hint: "Pass the .mbconfig file of a tabular scenario (classification or regression).");
        var pipeline = root!["RunHistory"]?["Pipeline"] ?? throw new InputException(
            "$.RunHistory.Pipeline: not found: Model Builder writes it after a training run", path, hint: "Train once in Model Builder, then read its .mbconfig.");

        var confirm = new List<string>();
        var notes = new List<string>();
        string? label = null;
        var columns = new List<RecipeColumn>();
        foreach (var column in properties.OfType<JsonObject>())
        {
            var name = (string?)column["ColumnName"] ?? string.Empty;
            var purpose = (string?)column["ColumnPurpose"];
            var format = (string?)column["ColumnDataFormat"];
            if (purpose == "Label")
            {
                label = name;
                continue;
            }

            var kind = format switch
            {
                "String" when column["IsCategorical"]?.GetValue<bool>() == true => "categorical",
                "String" => "text",
                "Boolean" => "boolean",
                _ => "numeric",
            };
            columns.Add(new RecipeColumn(name, kind, purpose == "Feature" ? "feature" : "ignore"));
        }

        label ??= (string?)root["TrainingOption"]?["LabelColumn"] ?? throw new InputException(
            "no column has \"ColumnPurpose\": \"Label\"", path, hint: "Set the label column in Model Builder's data step, or write the recipe's label by hand.");

        var estimators = (pipeline["estimators"] as JsonArray)?.Select(e => (string?)e ?? string.Empty).ToArray() ?? [];
        var parameters = pipeline["parameter"] as JsonObject;
        var steps = new List<RecipeStep>();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        string Name(string column) => renamed.TryGetValue(column, out var original) ? original : column;
        RecipeTrainer? trainer = null;
        for (var i = 0; i < estimators.Length; i++)
        {
            var estimator = estimators[i];
            var p = parameters?[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] as JsonObject ?? [];
            var inputs = Strings(p["InputColumnNames"]) ?? Strings(p["InputColumnName"]) ?? [];
            var outputs = Strings(p["OutputColumnNames"]) ?? Strings(p["OutputColumnName"]) ?? [];
            switch (estimator)
            {
                case "OneHotEncoding" or "OneHotHashEncoding" or "ReplaceMissingValues" or "NormalizeMinMax" or "NormalizeMeanVariance" or "NormalizeBinning" or "FeaturizeText":
                    var (step, options) = estimator switch
                    {
                        "OneHotEncoding" => (RecipeCatalog.OneHot, new Dictionary<string, object>()),
                        "OneHotHashEncoding" => (RecipeCatalog.Hash, new Dictionary<string, object>()),
                        "ReplaceMissingValues" => (RecipeCatalog.ReplaceMissing, new Dictionary<string, object> { ["mode"] = "mean" }),
                        "FeaturizeText" => (RecipeCatalog.Text, new Dictionary<string, object>()),
                        "NormalizeMinMax" => (RecipeCatalog.Normalize, new Dictionary<string, object> { ["kind"] = "minMax" }),
                        "NormalizeBinning" => (RecipeCatalog.Normalize, new Dictionary<string, object> { ["kind"] = "bin" }),
                        _ => (RecipeCatalog.Normalize, new Dictionary<string, object> { ["kind"] = "meanVariance" }),
                    };
                    for (var j = 0; j < Math.Min(inputs.Length, outputs.Length); j++)
                    {
                        if (outputs[j] != inputs[j])
                        {
                            renamed[outputs[j]] = Name(inputs[j]);
                        }
                    }

                    steps.Add(new RecipeStep(step, inputs.Select(Name).ToArray(), null, options));
                    break;
                case "Concatenate":
                    steps.Add(new RecipeStep(RecipeCatalog.Concatenate, inputs.Select(Name).ToArray(), outputs.FirstOrDefault() ?? "Features", new Dictionary<string, object>()));
                    break;
                case "MapValueToKey" or "MapKeyToValue" when inputs.Concat(outputs).All(c => c == label || c == "PredictedLabel"):
                    break;
                default:
                    if (Trainers.TryGetValue(estimator, out var mapped) || estimator.Contains("Regression", StringComparison.Ordinal) || estimator.Contains("Binary", StringComparison.Ordinal)
                        || estimator.Contains("Multi", StringComparison.Ordinal) || estimator.EndsWith("Ova", StringComparison.Ordinal))
                    {
                        trainer = Trainer(estimator, mapped, p, confirm, notes);
                        break;
                    }

                    confirm.Add($"the pipeline's {estimator} (estimator {i}) has no recipe step: it was left out; add what it did by hand or drop it");
                    break;
            }
        }

        if (trainer is null)
        {
            throw new InputException("$.RunHistory.Pipeline.estimators: no trainer found", path, hint: "Train once in Model Builder so that the configuration records the best pipeline.");
        }

        notes.Add("Read from Model Builder: the columns and their purpose, the winning pipeline's estimators and the trainer's options; not read: the data source, the training time, AutoML's search and the generated .training.cs.");
        return new StartingRecipe(new TrainingRecipe(label, columns, steps, trainer, confirm), notes);
    }

    private static RecipeTrainer Trainer(string estimator, string? mapped, JsonObject parameters, List<string> confirm, List<string> notes)
    {
        var name = mapped ?? (estimator.Contains("Regression", StringComparison.Ordinal) ? "FastTreeRegression"
            : estimator.Contains("Multi", StringComparison.Ordinal) || estimator.EndsWith("Ova", StringComparison.Ordinal) ? "LbfgsMaximumEntropy"
            : "FastTreeBinary");
        if (mapped is null)
        {
            confirm.Add($"trainer: Model Builder chose {estimator}, which a recipe does not train; {name} is the nearest of the same task, a stand-in");
        }

        var kind = RecipeCatalog.Trainer(name)!;
        var options = new Dictionary<string, object>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var (key, value) in parameters)
        {
            if (key is "LabelColumnName" or "FeatureColumnName" or "ExampleWeightColumnName")
            {
                continue;
            }

            if (TrainerOptions.TryGetValue(key, out var option) && kind.Options.Any(o => o.Name == option) && value is JsonValue number && number.TryGetValue<double>(out var d))
            {
                options[option] = kind.Options.First(o => o.Name == option).Type == RecipeOptionType.Integer ? Math.Round(d) : d;
            }
            else
            {
                skipped.Add(key);
            }
        }

        if (skipped.Count > 0)
        {
            notes.Add($"Trainer options the recipe does not take, not read: {string.Join(", ", skipped)}.");
        }

        return new RecipeTrainer(name, (string?)parameters["FeatureColumnName"] ?? "Features", options, null);
    }

    private static string[]? Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => (string?)n ?? string.Empty).ToArray(),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => null,
    };
}
