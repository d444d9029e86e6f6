using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>
/// The ML.NET estimators a recipe describes, unfitted: fitting them learns every vocabulary and normaliser from
/// the rows they are given. Trainers run single-threaded, so the same rows give the same bytes.
/// </summary>
internal static class RecipePipeline
{
    public static IEstimator<ITransformer> Step(MLContext ml, RecipeStep step)
    {
        var pairs = step.Columns.Select(c => new InputOutputColumnPair(c)).ToArray();
        var o = step.Options;
        switch (step.Step)
        {
            case RecipeCatalog.ReplaceMissing:
                return ml.Transforms.ReplaceMissingValues(pairs, (Choice(o, "mode") ?? "mean") switch
                {
                    "minimum" => MissingValueReplacingEstimator.ReplacementMode.Minimum,
                    "maximum" => MissingValueReplacingEstimator.ReplacementMode.Maximum,
                    "default" => MissingValueReplacingEstimator.ReplacementMode.DefaultValue,
                    _ => MissingValueReplacingEstimator.ReplacementMode.Mean,
                });
            case RecipeCatalog.OneHot:
                return ml.Transforms.Categorical.OneHotEncoding(pairs, OutputKind(o), maximumNumberOfKeys: Integer(o, "maxCategories") ?? 1_000_000);
            case RecipeCatalog.Hash:
                return ml.Transforms.Categorical.OneHotHashEncoding(pairs, OutputKind(o), numberOfBits: Integer(o, "bits") ?? 16);
            case RecipeCatalog.Normalize:
                var fixZero = o.TryGetValue("fixZero", out var z) ? (bool)z : true;
                return (Choice(o, "kind") ?? "meanVariance") switch
                {
                    "minMax" => ml.Transforms.NormalizeMinMax(pairs, fixZero: fixZero),
                    "bin" => ml.Transforms.NormalizeBinning(pairs, fixZero: fixZero, maximumBinCount: Integer(o, "bins") ?? 1024),
                    _ => ml.Transforms.NormalizeMeanVariance(pairs, fixZero: fixZero),
                };
            case RecipeCatalog.Text:
                IEstimator<ITransformer> texts = new EstimatorChain<ITransformer>();
                foreach (var column in step.Columns)
                {
                    texts = texts.Append(ml.Transforms.Text.FeaturizeText(column, column));
                }

                return texts;
            case RecipeCatalog.Concatenate:
                return ml.Transforms.Concatenate(step.Output!, [.. step.Columns]);
            default:
                throw new InvalidOperationException($"The reader let an unknown step through: {step.Step}.");
        }
    }

    public static IEstimator<ITransformer> Trainer(MLContext ml, RecipeTrainer trainer, string label)
    {
        var o = trainer.Options;
        var features = trainer.Features;
        switch (trainer.Name)
        {
            case "LbfgsLogisticRegression":
                var logistic = new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Linear(o, v => logistic.L1Regularization = v, v => logistic.L2Regularization = v, v => logistic.MaximumNumberOfIterations = v, v => logistic.OptimizationTolerance = v);
                return ml.BinaryClassification.Trainers.LbfgsLogisticRegression(logistic);
            case "SdcaLogisticRegression":
                var sdcaBinary = new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Linear(o, v => sdcaBinary.L1Regularization = v, v => sdcaBinary.L2Regularization = v, v => sdcaBinary.MaximumNumberOfIterations = v);
                return ml.BinaryClassification.Trainers.SdcaLogisticRegression(sdcaBinary);
            case "AveragedPerceptron":
                var perceptron = new AveragedPerceptronTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Shuffle = false };
                perceptron.NumberOfIterations = Integer(o, "numberOfIterations") ?? perceptron.NumberOfIterations;
                perceptron.LearningRate = (float?)Number(o, "learningRate") ?? perceptron.LearningRate;
                return ml.BinaryClassification.Trainers.AveragedPerceptron(perceptron);
            case "FastTreeBinary":
                var treeBinary = new FastTreeBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Trees(treeBinary, o);
                return ml.BinaryClassification.Trainers.FastTree(treeBinary);
            case "LbfgsMaximumEntropy":
                var entropy = new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Linear(o, v => entropy.L1Regularization = v, v => entropy.L2Regularization = v, v => entropy.MaximumNumberOfIterations = v, v => entropy.OptimizationTolerance = v);
                return ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(entropy);
            case "SdcaMaximumEntropy":
                var sdcaMulti = new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Linear(o, v => sdcaMulti.L1Regularization = v, v => sdcaMulti.L2Regularization = v, v => sdcaMulti.MaximumNumberOfIterations = v);
                return ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(sdcaMulti);
            case "Sdca":
                var sdcaRegression = new SdcaRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Linear(o, v => sdcaRegression.L1Regularization = v, v => sdcaRegression.L2Regularization = v, v => sdcaRegression.MaximumNumberOfIterations = v);
                return ml.Regression.Trainers.Sdca(sdcaRegression);
            case "LbfgsPoissonRegression":
                var poisson = new LbfgsPoissonRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Linear(o, v => poisson.L1Regularization = v, v => poisson.L2Regularization = v, v => poisson.MaximumNumberOfIterations = v, v => poisson.OptimizationTolerance = v);
                return ml.Regression.Trainers.LbfgsPoissonRegression(poisson);
            case "OnlineGradientDescent":
                var descent = new OnlineGradientDescentTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Shuffle = false };
                descent.NumberOfIterations = Integer(o, "numberOfIterations") ?? descent.NumberOfIterations;
                descent.LearningRate = (float?)Number(o, "learningRate") ?? descent.LearningRate;
                return ml.Regression.Trainers.OnlineGradientDescent(descent);
            case "FastTreeRegression":
                var treeRegression = new FastTreeRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
                Trees(treeRegression, o);
                return ml.Regression.Trainers.FastTree(treeRegression);
            default:
                throw new InvalidOperationException($"The reader let an unknown trainer through: {trainer.Name}.");
        }
    }

    /// <summary>The linear trainers' options share names, not a base type (each is nested in its own generic trainer base).</summary>
    private static void Linear(IReadOnlyDictionary<string, object> o, Action<float> l1, Action<float> l2, Action<int> iterations, Action<float>? tolerance = null)
    {
        if (Number(o, "l1Regularization") is { } a)
        {
            l1((float)a);
        }

        if (Number(o, "l2Regularization") is { } b)
        {
            l2((float)b);
        }

        if (Integer(o, "maximumIterations") is { } n)
        {
            iterations(n);
        }

        if (tolerance is not null && Number(o, "optimizationTolerance") is { } t)
        {
            tolerance((float)t);
        }
    }

    private static void Trees(BoostedTreeOptions options, IReadOnlyDictionary<string, object> o)
    {
        options.NumberOfTrees = Integer(o, "numberOfTrees") ?? options.NumberOfTrees;
        options.NumberOfLeaves = Integer(o, "numberOfLeaves") ?? options.NumberOfLeaves;
        options.MinimumExampleCountPerLeaf = Integer(o, "minimumExampleCountPerLeaf") ?? options.MinimumExampleCountPerLeaf;
        if (Number(o, "learningRate") is { } rate)
        {
            options.LearningRate = rate;
        }
    }

    private static OneHotEncodingEstimator.OutputKind OutputKind(IReadOnlyDictionary<string, object> o) => Choice(o, "outputKind") switch
    {
        "bag" => OneHotEncodingEstimator.OutputKind.Bag,
        "binary" => OneHotEncodingEstimator.OutputKind.Binary,
        _ => OneHotEncodingEstimator.OutputKind.Indicator,
    };

    private static string? Choice(IReadOnlyDictionary<string, object> o, string name) => o.TryGetValue(name, out var value) ? (string)value : null;

    private static double? Number(IReadOnlyDictionary<string, object> o, string name) => o.TryGetValue(name, out var value) ? (double)value : null;

    private static int? Integer(IReadOnlyDictionary<string, object> o, string name) => o.TryGetValue(name, out var value) ? (int)(double)value : null;
}
