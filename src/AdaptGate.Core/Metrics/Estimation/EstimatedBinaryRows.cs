using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Unlabeled rows with the model's calibrated probabilities standing in for labels, as metric evidence. The point
/// value is the expected metric. A resample draws the rows and then each drawn row's label from its calibrated
/// probability, refitted on a resample of the reference, so the interval is where the realized metric would fall if
/// the relation between inputs and outcome still held: the current rows' sampling, their labels' and the
/// calibration's (the reference's own sampling) together. Without labels there are no classes to stratify by, and auc
/// has no DeLong variance, so it is resampled with the others.
/// </summary>
internal sealed class EstimatedBinaryRows(WeightedBinaryRows rows, ConfidenceBasedEstimator estimator, double[] referenceScore, bool[] referenceLabel) : MetricRows
{
    private static readonly string[] Names = [MetricNames.Auc, MetricNames.Accuracy, MetricNames.Precision, MetricNames.Recall, MetricNames.F1];

    public override int Count => rows.Count;

    internal override int[]? Strata => null;

    internal override int StrataCount => 1;

    internal override MetricSet Compute(int[]? weights, bool withAuc)
    {
        var set = new MetricSet();
        foreach (var name in Names)
        {
            if (withAuc || name != MetricNames.Auc)
            {
                set.Add(name, rows.Metric(name, weights));
            }
        }

        return set;
    }

    internal override MetricSet Resample(ResampleCounts sampler, int seed, int replicate)
    {
        var counts = new int[rows.Count];
        sampler.Draw(counts, seed, replicate);
        var labels = ResampleCounts.Stream(~seed, replicate);
        var probability = Recalibrated(labels);
        var positive = new double[rows.Count];
        var negative = new double[rows.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            var drawn = 0;
            for (var c = 0; c < counts[i]; c++)
            {
                if (Uniform(labels) < probability[i])
                {
                    drawn++;
                }
            }

            positive[i] = drawn;
            negative[i] = counts[i] - drawn;
        }

        var set = new MetricSet();
        foreach (var name in Names)
        {
            set.Add(name, rows.Metric(name, positive, negative));
        }

        return set;
    }

    /// <summary>The current rows' probabilities (in the rows' sorted order) under the calibration refitted on a resample of the reference.</summary>
    private double[] Recalibrated(Multivariate.SplitMix64 random)
    {
        var n = referenceScore.Length;
        var score = new double[n];
        var outcome = new double[n];
        for (var d = 0; d < n; d++)
        {
            var row = random.Below((ulong)n);
            score[d] = referenceScore[row];
            outcome[d] = referenceLabel[row] ? 1 : 0;
        }

        return estimator.Refit(score, outcome)(rows.Score);
    }

    private static double Uniform(Multivariate.SplitMix64 random) => (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
