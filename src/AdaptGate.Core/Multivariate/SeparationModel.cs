using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace AdaptGate.Core.Multivariate;

/// <summary>
/// The ML.NET classifier that tells current rows from reference rows: FastTree gradient-boosted
/// trees, chosen over L-BFGS logistic regression on the same standardised features. Measured on
/// the NannyML car-loan data (Release, 2 busy cores, best of 3, defaults of 50,000 rows and 5 folds):
/// full reference vs monitoring AUC 0.701 in 1.4 s (regression: 0.666 in 2.4 s); samples current
/// 0.902 (0.830), current-stable 0.505 (0.503). Trees also see what a linear model cannot: a
/// correlation appearing with unchanged marginals, 0.742 (0.506), a spread growing 1.5-fold, 0.617
/// (0.505); and their split gains rank car_value first on the shifted data, where the regression's
/// weights ranked salary_range first. Not slower, more sensitive, better explanations.
/// </summary>
internal static class SeparationModel
{
    private const string LabelColumn = "Label";
    private const string FeaturesColumn = "Features";

    /// <summary>
    /// Modest boosting: enough trees and leaves to find non-linear shifts, few enough to train on
    /// 80,000 rows in a fraction of a second. Single-threaded, so split search and therefore scores are
    /// bit-identical from run to run.
    /// </summary>
    private static FastTreeBinaryTrainer.Options TrainerOptions(int seed) => new()
    {
        LabelColumnName = LabelColumn,
        FeatureColumnName = FeaturesColumn,
        NumberOfTrees = 30,
        NumberOfLeaves = 16,
        MinimumExampleCountPerLeaf = 20,
        LearningRate = 0.2,
        NumberOfThreads = 1,
        Seed = seed,
    };

    /// <summary>
    /// Scores every row with the model trained on the other folds: the probability that the row
    /// is a current one. Each fold's model is Platt-calibrated, which puts the folds' scores on one
    /// scale so they can be pooled into a single AUC.
    /// </summary>
    public static double[] ScoreOutOfFold(FeatureMatrix matrix, int[] fold, int folds, int seed, CancellationToken ct)
    {
        var scores = new double[matrix.Rows];
        for (var k = 0; k < folds; k++)
        {
            ct.ThrowIfCancellationRequested();
            var training = RowsWhere(fold, f => f != k);
            var heldOut = RowsWhere(fold, f => f == k);
            var model = Fit(matrix, training, seed, ct);
            var scored = model.Transform(View(matrix, heldOut, ct));
            var i = 0;
            foreach (var probability in scored.GetColumn<float>("Probability"))
            {
                scores[heldOut[i++]] = probability;
            }
        }

        return scores;
    }

    /// <summary>
    /// Each slot's total split gain over all trees of a model trained on all rows. Read from the
    /// trees rather than through <c>GetFeatureWeights</c>, which reports sqrt(gain / largest gain):
    /// square roots do not add, and one-hot slots must add up to their column.
    /// </summary>
    public static double[] SlotGains(FeatureMatrix matrix, int seed, CancellationToken ct)
    {
        var all = Enumerable.Range(0, matrix.Rows).ToArray();
        var model = Fit(matrix, all, seed, ct);
        var gains = new double[matrix.Slots.Count];
        foreach (var tree in model.LastTransformer.Model.SubModel.TrainedTreeEnsemble.Trees)
        {
            for (var node = 0; node < tree.NumberOfNodes; node++)
            {
                gains[tree.NumericalSplitFeatureIndexes[node]] += tree.SplitGains[node];
            }
        }

        return gains;
    }

    private static TransformerChain<BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>>> Fit(
        FeatureMatrix matrix, int[] rows, int seed, CancellationToken ct)
    {
        // A fresh context per fit: the trainer's random state then depends on the seed only, not on
        // how many models were trained before it.
        var ml = new MLContext(seed);
        var slotNames = matrix.SlotNames.ToArray();
        var pipeline = ml.Transforms.Concatenate(FeaturesColumn, slotNames)
            .Append(ml.BinaryClassification.Trainers.FastTree(TrainerOptions(seed)));
        return pipeline.Fit(View(matrix, rows, ct));
    }

    private static ColumnDataView View(FeatureMatrix matrix, int[] rows, CancellationToken ct)
    {
        var columns = matrix.SlotColumns(rows);
        columns.Add(new ViewColumn(LabelColumn, BooleanDataViewType.Instance, FeatureMatrix.Subset(matrix.IsCurrent, rows)));
        return new ColumnDataView(columns, rows.Length, ct);
    }

    private static int[] RowsWhere(int[] fold, Func<int, bool> keep)
    {
        var rows = new List<int>(fold.Length);
        for (var i = 0; i < fold.Length; i++)
        {
            if (keep(fold[i]))
            {
                rows.Add(i);
            }
        }

        return [.. rows];
    }
}
