using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// How to train a predictor of the same family as the loaded one. A saved model keeps the trained
/// parameters but not the trainer or its settings, so the trainer is read off the parameters' type:
/// the family is certain (a logistic regression stays a logistic regression), the settings are
/// ML.NET's defaults, except what the parameters themselves reveal (a tree ensemble's size).
/// </summary>
internal abstract class TrainerRecipe
{
    /// <summary>
    /// L-BFGS iterations of a fine-tune: a short continuation from the old weights, not a new fit to
    /// convergence. That is what makes a fine-tune cheap and keeps it near what the model knew; a
    /// change the model cannot reach in this many steps is one for a retrain (docs/adapt.md).
    /// </summary>
    public const int FineTuneIterations = 10;

    /// <summary>Passes over the data of an online trainer's fine-tune (averaged perceptron, linear SVM, online gradient descent).</summary>
    public const int FineTuneEpochs = 1;

    /// <summary>The trainer's name in reports, as ML.NET's catalog calls it.</summary>
    public abstract string Name { get; }

    /// <summary>Null when the family can continue from its parameters; else why not.</summary>
    public abstract string? CannotFineTune { get; }

    /// <summary>Continues from the loaded parameters.</summary>
    public abstract ITransformer FineTune(MLContext ml, IDataView data, string label, string features);

    /// <summary>Trains from scratch.</summary>
    public abstract ITransformer Retrain(MLContext ml, IDataView data, string label, string features);

    /// <exception cref="InputException">A family AdaptGate cannot train (the message names it and what it can).</exception>
    public static TrainerRecipe For(object parameters, string modelPath) => parameters switch
    {
        CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated => new LogisticRegression(calibrated.SubModel),
        LinearBinaryModelParameters linear => new AveragedPerceptron(linear),
        MaximumEntropyModelParameters maximumEntropy => new MaximumEntropy(maximumEntropy),
        PoissonRegressionModelParameters poisson => new PoissonRegression(poisson),
        LinearRegressionModelParameters regression => new OnlineGradientDescent(regression),
        CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> tree => new FastTreeBinary(tree.SubModel),
        FastTreeRegressionModelParameters tree => new FastTreeRegression(tree),
        _ => throw new InputException(
            $"AdaptGate cannot train a model of this kind ({Describe(parameters)})",
            modelPath,
            hint: "adapt supports L-BFGS logistic regression, maximum entropy and Poisson regression, averaged perceptron, linear SVM, " +
                  "online gradient descent (fine-tune and retrain), and FastTree binary and regression (retrain only)."),
    };

    private static string Describe(object parameters)
    {
        var type = parameters.GetType();
        return type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}>"
            : type.Name;
    }

    private const string TreeRefusal = "cannot fine-tune a tree model: boosted trees have no parameters to continue from in ML.NET";

    private sealed class LogisticRegression(LinearBinaryModelParameters start) : TrainerRecipe
    {
        public override string Name => "lbfgs-logistic-regression";

        public override string? CannotFineTune => null;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            ml.BinaryClassification.Trainers.LbfgsLogisticRegression(Options(label, features, FineTuneIterations)).Fit(data, start);

        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features) =>
            ml.BinaryClassification.Trainers.LbfgsLogisticRegression(Options(label, features, iterations: null)).Fit(data);

        // One thread: the gradient sums in a fixed order, so the same data gives the same bytes.
        private static LbfgsLogisticRegressionBinaryTrainer.Options Options(string label, string features, int? iterations)
        {
            var options = new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
            if (iterations is { } n)
            {
                options.MaximumNumberOfIterations = n;
            }

            return options;
        }
    }

    /// <summary>
    /// An uncalibrated linear binary model could come from the averaged perceptron, a linear SVM or
    /// SDCA without calibration: the parameters look the same. The averaged perceptron continues any of them.
    /// </summary>
    private sealed class AveragedPerceptron(LinearBinaryModelParameters start) : TrainerRecipe
    {
        public override string Name => "averaged-perceptron";

        public override string? CannotFineTune => null;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfIterations = FineTuneEpochs, Shuffle = false,
            }).Fit(data, start);

        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features) =>
            ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, Shuffle = false,
            }).Fit(data);
    }

    private sealed class MaximumEntropy(MaximumEntropyModelParameters start) : TrainerRecipe
    {
        public override string Name => "lbfgs-maximum-entropy";

        public override string? CannotFineTune => null;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(Options(label, features, FineTuneIterations)).Fit(data, start);

        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features) =>
            ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(Options(label, features, iterations: null)).Fit(data);

        private static LbfgsMaximumEntropyMulticlassTrainer.Options Options(string label, string features, int? iterations)
        {
            var options = new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
            if (iterations is { } n)
            {
                options.MaximumNumberOfIterations = n;
            }

            return options;
        }
    }

    private sealed class PoissonRegression(PoissonRegressionModelParameters start) : TrainerRecipe
    {
        public override string Name => "lbfgs-poisson-regression";

        public override string? CannotFineTune => null;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            ml.Regression.Trainers.LbfgsPoissonRegression(Options(label, features, FineTuneIterations)).Fit(data, start);

        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features) =>
            ml.Regression.Trainers.LbfgsPoissonRegression(Options(label, features, iterations: null)).Fit(data);

        private static LbfgsPoissonRegressionTrainer.Options Options(string label, string features, int? iterations)
        {
            var options = new LbfgsPoissonRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 };
            if (iterations is { } n)
            {
                options.MaximumNumberOfIterations = n;
            }

            return options;
        }
    }

    /// <summary>
    /// Linear regression parameters (SDCA, OLS, online gradient descent look alike): online gradient descent is the
    /// trainer that continues them, one pass at a constant rate that cannot overshoot on these rows (StableLearningRate);
    /// the pass's running average of the weights starts at the old ones, which keeps the fine-tune near what the model knew.
    /// </summary>
    private sealed class OnlineGradientDescent(LinearRegressionModelParameters start) : TrainerRecipe
    {
        public override string Name => "online-gradient-descent";

        public override string? CannotFineTune => null;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfIterations = FineTuneEpochs, Shuffle = false,
                LearningRate = StableLearningRate.For(data, features, OnlineGradientDescentDefaultRate), DecreaseLearningRate = false,
            }).Fit(data, start);

        /// <summary>
        /// From scratch, SDCA: it fits the same linear family to convergence, where one pass of online gradient
        /// descent from zero weights at a rate that cannot overshoot would stop far short of the fit.
        /// </summary>
        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features) =>
            ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1,
            }).Fit(data);

        /// <summary>ML.NET's default for online gradient descent, kept wherever the data allows it.</summary>
        private const float OnlineGradientDescentDefaultRate = 0.1f;
    }

    /// <summary>Retrained with the loaded ensemble's number of trees and its largest tree's number of leaves.</summary>
    private sealed class FastTreeBinary(FastTreeBinaryModelParameters loaded) : TrainerRecipe
    {
        public override string Name => "fast-tree-binary";

        public override string? CannotFineTune => TreeRefusal;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            throw new InvalidOperationException(TreeRefusal);

        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features)
        {
            var (trees, leaves) = Shape(loaded.TrainedTreeEnsemble);
            return ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfTrees = trees, NumberOfLeaves = leaves, NumberOfThreads = 1,
            }).Fit(data);
        }
    }

    private sealed class FastTreeRegression(FastTreeRegressionModelParameters loaded) : TrainerRecipe
    {
        public override string Name => "fast-tree-regression";

        public override string? CannotFineTune => TreeRefusal;

        public override ITransformer FineTune(MLContext ml, IDataView data, string label, string features) =>
            throw new InvalidOperationException(TreeRefusal);

        public override ITransformer Retrain(MLContext ml, IDataView data, string label, string features)
        {
            var (trees, leaves) = Shape(loaded.TrainedTreeEnsemble);
            return ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfTrees = trees, NumberOfLeaves = leaves, NumberOfThreads = 1,
            }).Fit(data);
        }
    }

    private static (int Trees, int Leaves) Shape(RegressionTreeEnsemble ensemble) =>
        (Math.Max(1, ensemble.Trees.Count), Math.Max(2, ensemble.Trees.Select(t => t.NumberOfLeaves).DefaultIfEmpty(20).Max()));
}
