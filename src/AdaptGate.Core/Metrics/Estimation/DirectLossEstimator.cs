using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Multivariate;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Direct loss estimation (as NannyML's DLE): a boosted-tree regression learns, on the reference rows, the
/// model's loss on a row (its absolute or squared error) from the row's features and the model's prediction,
/// and predicts that loss on current rows. Where the relation between inputs and outcome still holds, the mean
/// predicted loss is what the model's error should be on the current rows: it moves with the inputs (rows in a
/// region where the model was less accurate), not with a changed concept.
/// </summary>
internal static class DirectLossEstimator
{
    /// <summary>
    /// Rows per side the loss model learns from and predicts on. The mean of a per-row estimate settles long before
    /// this (its spread over 20,000 rows is under 1% of the loss's), and it keeps the fit under a second on one core.
    /// </summary>
    public const int MaxRows = 20_000;

    private const string LossColumn = "Loss";
    private const string FeaturesColumn = "Features";
    private const string PredictionSlot = "Prediction";

    /// <summary>
    /// The predicted loss on each of <paramref name="currentRows"/>, learned from <paramref name="referenceLoss"/> on
    /// <paramref name="referenceRows"/>; never negative.
    /// </summary>
    public static double[] ExpectedLoss(
        DataTable reference, int[] referenceRows, double[] referenceLoss, double[] referencePrediction,
        DataTable current, int[] currentRows, double[] currentPrediction,
        IReadOnlyList<string> features, int seed, CancellationToken ct)
    {
        var matrix = FeatureEncoder.Encode(reference, referenceRows, current, currentRows, features);
        var referenceIndex = Enumerable.Range(0, referenceRows.Length).ToArray();
        var currentIndex = Enumerable.Range(referenceRows.Length, currentRows.Length).ToArray();
        var prediction = new float[matrix.Rows];
        for (var i = 0; i < referenceRows.Length; i++)
        {
            prediction[i] = (float)referencePrediction[i];
        }

        for (var i = 0; i < currentRows.Length; i++)
        {
            prediction[referenceRows.Length + i] = (float)currentPrediction[i];
        }

        // A fresh context per fit: the trees depend on the seed only.
        var ml = new MLContext(seed);
        var slots = matrix.SlotNames.Append(PredictionSlot).ToArray();
        var pipeline = ml.Transforms.Concatenate(FeaturesColumn, slots)
            .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = LossColumn,
                FeatureColumnName = FeaturesColumn,
                NumberOfTrees = 50,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.2,
                NumberOfThreads = 1,
                Seed = seed,
            }));
        var model = pipeline.Fit(View(matrix, prediction, referenceIndex, [.. referenceLoss.Select(l => (float)l)], ct));
        var scored = model.Transform(View(matrix, prediction, currentIndex, new float[currentIndex.Length], ct));
        var expected = scored.GetColumn<float>(scored.Schema["Score"]).Select(s => Math.Max(0, (double)s)).ToArray();
        ct.ThrowIfCancellationRequested();
        return expected;
    }

    private static ColumnDataView View(FeatureMatrix matrix, float[] prediction, int[] rows, float[] loss, CancellationToken ct)
    {
        var columns = matrix.SlotColumns(rows);
        columns.Add(new ViewColumn(PredictionSlot, NumberDataViewType.Single, FeatureMatrix.Subset(prediction, rows)));
        columns.Add(new ViewColumn(LossColumn, NumberDataViewType.Single, loss));
        return new ColumnDataView(columns, rows.Length, ct);
    }
}
