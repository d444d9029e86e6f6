using System.Globalization;
using System.Reflection;
using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>A starting recipe and what was seen on the way (for the person who reviews it).</summary>
public sealed record StartingRecipe(TrainingRecipe Recipe, IReadOnlyList<string> Notes);

/// <summary>
/// A starting recipe read off a saved model: its input columns, the transforms of its chain in order and the
/// predictor's family. A saved model keeps fitted transformers, not the estimators or their settings, so whatever
/// the file does not record (the label, a normaliser's kind from affine parameters, the trainer's options) is
/// written as a guess in the recipe's "confirm" list, never silently. The columns each ML.NET transformer reads are
/// not public API: they are read by reflection, and a transformer whose columns cannot be read is a guess too.
/// </summary>
public static class RecipeFromModel
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    /// <exception cref="InputException">Not an ML.NET model, or one without a predictor.</exception>
    public static StartingRecipe Read(string modelPath, string? label)
    {
        var ml = new MLContext(seed: 0);
        var model = ModelAnatomy.Load(ml, modelPath);
        var output = model.Whole.GetOutputSchema(model.InputSchema);
        var task = ModelOutputTask.Infer(output) ?? throw new InputException(
            $"cannot tell the task from the model's output columns ({ModelOutputTask.Describe(output)})", modelPath,
            hint: "init --recipe reads binary, multiclass and regression models with ML.NET's standard output columns.");

        var confirm = new List<string>();
        var notes = new List<string>();
        var reads = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var steps = new List<RecipeStep>();
        string? labelTransformInput = null;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, (string Input, int? Bits)>(StringComparer.Ordinal);
        string Name(string column) => renamed.TryGetValue(column, out var original) ? original : column;

        var schema = model.InputSchema;
        foreach (var part in model.Prefix)
        {
            var next = part.GetOutputSchema(schema);
            var type = part.GetType().Name;
            switch (part)
            {
                case MissingValueReplacingTransformer:
                    OneToOne(part, "replaceMissing", new Dictionary<string, object> { ["mode"] = "mean" });
                    confirm.Add($"replaceMissing on {Columns(steps[^1].Columns)}: the mode (mean, minimum, maximum, default) is not saved; \"mean\" is a guess");
                    break;
                case OneHotEncodingTransformer:
                    OneToOne(Inner(part) ?? part, "oneHot", new Dictionary<string, object>(), categorical: true);
                    foreach (var column in steps[^1].Columns)
                    {
                        notes.Add($"'{column}': one-hot with {Slots(next, column)} when the model was saved; a retrain learns the categories of its window.");
                    }

                    confirm.Add($"oneHot on {Columns(steps[^1].Columns)}: indicator and bag encodings are saved alike; \"indicator\" (the default) is a guess");
                    break;
                case OneHotHashEncodingTransformer:
                    var hashed = OneToOne(Inner(part) ?? part, "hash", new Dictionary<string, object>(), categorical: true);
                    if (hashed.Count > 0 && next.GetColumnOrNull(hashed[0].Output)?.Type is VectorDataViewType { Size: > 0 } vector && int.IsPow2(vector.Size))
                    {
                        steps[^1] = steps[^1] with { Options = new Dictionary<string, object> { ["bits"] = (double)int.Log2(vector.Size) } };
                    }

                    break;
                case ColumnConcatenatingTransformer:
                    foreach (var (outputName, inputs) in Concatenations(part))
                    {
                        reads.UnionWith(inputs.Select(Name));
                        steps.Add(new RecipeStep(RecipeCatalog.Concatenate, inputs.Select(Name).ToArray(), outputName, new Dictionary<string, object>()));
                    }

                    break;
                case NormalizingTransformer normalizer:
                    var pairs = Pairs(part) ?? [];
                    for (var i = 0; i < pairs.Length; i++)
                    {
                        var parameters = normalizer.GetNormalizerModelParameters(i);
                        var kind = parameters.GetType().Name.StartsWith("Bin", StringComparison.Ordinal) ? "bin" : "meanVariance";
                        Rename(pairs[i]);
                        steps.Add(new RecipeStep(RecipeCatalog.Normalize, [Name(pairs[i].Input)], null, new Dictionary<string, object> { ["kind"] = kind }));
                        if (kind != "bin")
                        {
                            confirm.Add($"normalize on '{Name(pairs[i].Input)}': mean-variance and min-max normalisers are both saved as an affine map (scale and offset), so the kind cannot be recovered; \"meanVariance\" is a guess (minMax is the other)");
                        }
                    }

                    break;
                // A saved one-hot (hash) encoder loads as a key mapping (hashing) and a key-to-vector mapping.
                case ValueToKeyMappingTransformer:
                    foreach (var pair in Pairs(part) ?? [])
                    {
                        keys[pair.Output] = pair.Input;
                    }

                    break;
                case HashingTransformer:
                    foreach (var pair in Pairs(part) ?? [])
                    {
                        hashes[pair.Output] = (pair.Input, next.GetColumnOrNull(pair.Output)?.Type is KeyDataViewType { Count: > 0 } key && ulong.IsPow2(key.Count) ? (int)ulong.Log2(key.Count) : null);
                    }

                    break;
                case KeyToVectorMappingTransformer:
                    foreach (var pair in Pairs(part) ?? [])
                    {
                        if (keys.Remove(pair.Input, out var raw))
                        {
                            Encode("oneHot", raw, pair.Output, new Dictionary<string, object>());
                            notes.Add($"'{raw}': one-hot with {Slots(next, pair.Output)} when the model was saved; a retrain learns the categories of its window.");
                            confirm.Add($"oneHot on '{raw}': indicator and bag encodings are saved alike; \"indicator\" (the default) is a guess");
                        }
                        else if (hashes.Remove(pair.Input, out var hash))
                        {
                            Encode("hash", hash.Input, pair.Output, hash.Bits is { } bits ? new Dictionary<string, object> { ["bits"] = (double)bits } : new Dictionary<string, object>());
                        }
                        else
                        {
                            confirm.Add($"a key-to-vector mapping of '{pair.Input}' into '{pair.Output}' that is not part of a one-hot or hash encoding: it was left out");
                        }
                    }

                    break;
                default:
                    if (type.Contains("TextFeaturizing", StringComparison.Ordinal) || type == "Transformer" && part.GetType().DeclaringType?.Name == nameof(TextFeaturizingEstimator))
                    {
                        foreach (var added in Added(schema, next))
                        {
                            var input = schema.GetColumnOrNull(added) is { Type: TextDataViewType } ? added : null;
                            if (input is null)
                            {
                                confirm.Add($"a text featurizer writes '{added}' from columns the model file does not name: write the step's columns by hand");
                                continue;
                            }

                            reads.Add(Name(input));
                            kinds[Name(input)] = "text";
                            steps.Add(new RecipeStep(RecipeCatalog.Text, [Name(input)], null, new Dictionary<string, object>()));
                        }

                        break;
                    }

                    confirm.Add($"the model has a {type} (writing {string.Join(", ", Added(schema, next).Select(c => $"'{c}'"))}) that a recipe has no step for: it was left out; add what it did by hand or drop it");
                    break;
            }

            schema = next;
        }

        // A key mapping no feature reads is the label's (a multiclass model's MapValueToKey); another is a step a recipe lacks.
        foreach (var (keyOutput, input) in keys)
        {
            if (!reads.Contains(input) && labelTransformInput is null)
            {
                labelTransformInput = input;
            }
            else
            {
                confirm.Add($"a key mapping of '{input}' into '{keyOutput}' (ValueToKey without one-hot) that a recipe has no step for: it was left out");
            }
        }

        var trainer = Trainer(model.Predictor.Model, task, Name(model.FeatureColumn), confirm);
        label ??= GuessLabel(model.InputSchema, reads, labelTransformInput, confirm);
        var columns = new List<RecipeColumn>();
        foreach (var input in model.InputSchema.Where(c => !c.IsHidden && c.Name != label))
        {
            var kind = kinds.TryGetValue(input.Name, out var k) ? k
                : input.Type is TextDataViewType ? "categorical"
                : input.Type is BooleanDataViewType ? "boolean"
                : "numeric";
            columns.Add(new RecipeColumn(input.Name, kind, reads.Contains(input.Name) ? "feature" : "ignore"));
        }

        return new StartingRecipe(new TrainingRecipe(label, columns, steps, trainer, confirm), notes);

        List<(string Output, string Input)> OneToOne(object transformer, string step, Dictionary<string, object> options, bool categorical = false)
        {
            var pairs = Pairs(transformer)?.ToList() ?? [];
            if (pairs.Count == 0)
            {
                confirm.Add($"a {step} step whose columns could not be read from the model: write them by hand");
                return pairs;
            }

            foreach (var pair in pairs)
            {
                Rename(pair);
                reads.Add(Name(pair.Input));
                if (categorical && model.InputSchema.GetColumnOrNull(Name(pair.Input)) is { Type: TextDataViewType })
                {
                    kinds[Name(pair.Input)] = "categorical";
                }
            }

            steps.Add(new RecipeStep(step, pairs.Select(p => Name(p.Input)).ToArray(), null, options));
            return pairs;
        }

        void Encode(string step, string raw, string output, Dictionary<string, object> options)
        {
            Rename((output, raw));
            reads.Add(Name(raw));
            if (model.InputSchema.GetColumnOrNull(Name(raw)) is { Type: TextDataViewType })
            {
                kinds[Name(raw)] = "categorical";
            }

            steps.Add(new RecipeStep(step, [Name(raw)], null, options));
        }

        // Recipe steps work in place: an output under a new name is the input, renamed, for every later step.
        void Rename((string Output, string Input) pair)
        {
            if (pair.Output != pair.Input)
            {
                renamed[pair.Output] = Name(pair.Input);
            }
        }
    }

    private static RecipeTrainer Trainer(object parameters, MetricTask task, string features, List<string> confirm)
    {
        var options = new Dictionary<string, object>();
        string name;
        switch (parameters)
        {
            case CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>:
                name = "LbfgsLogisticRegression";
                confirm.Add("trainer: a calibrated linear binary model comes from LbfgsLogisticRegression or SdcaLogisticRegression (the parameters look the same); LbfgsLogisticRegression is a guess, and its options are ML.NET's defaults");
                break;
            case LinearBinaryModelParameters:
                name = "AveragedPerceptron";
                confirm.Add("trainer: an uncalibrated linear binary model comes from the averaged perceptron, a linear SVM or SDCA without calibration; AveragedPerceptron is a guess");
                break;
            case MaximumEntropyModelParameters:
                name = "LbfgsMaximumEntropy";
                confirm.Add("trainer: maximum entropy parameters come from LbfgsMaximumEntropy or SdcaMaximumEntropy; LbfgsMaximumEntropy is a guess, with ML.NET's default options");
                break;
            case PoissonRegressionModelParameters:
                name = "LbfgsPoissonRegression";
                confirm.Add("trainer options: the regularisation is not saved; ML.NET's defaults are a guess");
                break;
            case LinearRegressionModelParameters:
                name = "Sdca";
                confirm.Add("trainer: linear regression parameters come from SDCA, OLS or online gradient descent; Sdca is a guess");
                break;
            default:
                var tree = parameters as TreeEnsembleModelParameters
                    ?? parameters.GetType().GetProperties().Where(p => p.Name == "SubModel").Select(p => p.GetValue(parameters)).OfType<TreeEnsembleModelParameters>().FirstOrDefault();
                if (tree is null || task == MetricTask.Multiclass)
                {
                    name = task switch { MetricTask.Binary => "LbfgsLogisticRegression", MetricTask.Multiclass => "LbfgsMaximumEntropy", _ => "Sdca" };
                    confirm.Add($"trainer: the model's predictor ({parameters.GetType().Name}) is not one a recipe can train; {name} is a stand-in of the same task");
                    break;
                }

                name = task == MetricTask.Binary ? "FastTreeBinary" : "FastTreeRegression";
                var leaves = tree switch
                {
                    TreeEnsembleModelParametersBasedOnRegressionTree regression => regression.TrainedTreeEnsemble.Trees.Select(t => t.NumberOfLeaves).ToArray(),
                    TreeEnsembleModelParametersBasedOnQuantileRegressionTree quantile => quantile.TrainedTreeEnsemble.Trees.Select(t => t.NumberOfLeaves).ToArray(),
                    _ => [],
                };
                if (leaves.Length > 0)
                {
                    options["numberOfTrees"] = (double)leaves.Length;
                    options["numberOfLeaves"] = (double)Math.Max(2, leaves.Max());
                }

                var family = TreeFamily.Of(parameters) ?? "tree";
                confirm.Add(family == "FastTree"
                    ? "trainer: numberOfTrees and numberOfLeaves are read off the saved trees (the largest tree); the learning rate and the other options are ML.NET's defaults, a guess"
                    : $"trainer: the model is a {family} ensemble, which a recipe does not train; {name} with its number of trees and leaves is a stand-in");
                break;
        }

        return new RecipeTrainer(name, features, options, null);
    }

    private static string GuessLabel(DataViewSchema input, HashSet<string> reads, string? labelTransformInput, List<string> confirm)
    {
        var unread = input.Where(c => !c.IsHidden && !reads.Contains(c.Name)).Select(c => c.Name).ToList();
        var label = labelTransformInput
            ?? unread.FirstOrDefault(c => string.Equals(c, "label", StringComparison.OrdinalIgnoreCase))
            ?? unread.FirstOrDefault()
            ?? "label";
        confirm.Insert(0, unread.Count == 0
            ? "label: every input column is read by the featurizer, so the label is not among them; \"label\" is a placeholder: write the column with the true outcome (or pass --label)"
            : $"label: a saved model does not record its label; '{label}' is a guess from the input columns no transform reads ({string.Join(", ", unread.Select(c => $"'{c}'"))}); pass --label to say it");
        return label;
    }

    private static IEnumerable<string> Added(DataViewSchema before, DataViewSchema after) =>
        after.Where(c => !c.IsHidden && c.Index >= before.Count).Select(c => c.Name);

    private static string Slots(DataViewSchema schema, string column)
    {
        var found = schema.GetColumnOrNull(column);
        if (found?.Type is not VectorDataViewType vector)
        {
            return "its categories";
        }

        var size = vector.Size.ToString(CultureInfo.InvariantCulture);
        if (found.Value.Annotations.Schema.GetColumnOrNull("SlotNames") is null)
        {
            return size + " slots";
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        found.Value.Annotations.GetValue("SlotNames", ref names);
        var shown = names.DenseValues().Take(6).Select(n => n.ToString()).ToArray();
        return $"{size} slots ({string.Join(", ", shown)}{(vector.Size > shown.Length ? ", ..." : string.Empty)})";
    }

    private static string Columns(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(c => $"'{c}'"));

    /// <summary>The (output, input) pairs of a one-to-one transformer (ML.NET keeps them in a non-public field).</summary>
    private static (string Output, string Input)[]? Pairs(object transformer)
    {
        for (var type = transformer.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField("ColumnPairs", Members)?.GetValue(transformer) is ValueTuple<string, string>[] pairs)
            {
                return pairs.Select(p => (p.Item1, p.Item2)).ToArray();
            }
        }

        return null;
    }

    /// <summary>One-hot and hash encoders wrap a chain whose first part maps the raw column: its pairs name the inputs.</summary>
    private static object? Inner(object transformer) =>
        transformer.GetType().GetField("_transformer", Members)?.GetValue(transformer) is IEnumerable<ITransformer> chain ? chain.FirstOrDefault() : null;

    private static IEnumerable<(string Output, string[] Inputs)> Concatenations(object transformer) =>
        transformer.GetType().GetProperty("Columns", Members)?.GetValue(transformer) is IEnumerable<(string, string[])> columns
            ? columns.Select(c => (c.Item1, c.Item2))
            : [];
}
