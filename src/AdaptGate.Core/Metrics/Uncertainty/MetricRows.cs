namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// The per-row evidence a metric set was computed from, kept so it can be recomputed on bootstrap
/// resamples: each implementation computes the same metrics as the task's kernel, weighted by how
/// often each row was drawn.
/// </summary>
public abstract class MetricRows
{
    public abstract int Count { get; }

    /// <summary>The class of each row, to stratify resamples by; null for regression.</summary>
    internal abstract int[]? Strata { get; }

    internal abstract int StrataCount { get; }

    /// <summary>The task's metrics with each row counted <c>weights[i]</c> times (null: once each).</summary>
    internal MetricSet Compute(int[]? weights) => Compute(weights, withAuc: true);

    /// <summary>
    /// As <see cref="Compute(int[])"/>; <paramref name="withAuc"/> false leaves auc out, for resamples where DeLong's
    /// variance gives its interval (the auc is the one metric that needs the rows in score order).
    /// </summary>
    internal abstract MetricSet Compute(int[]? weights, bool withAuc);

    /// <summary>
    /// The metrics of resample <paramref name="replicate"/> (without auc), summed row by row as they are drawn:
    /// the same rows <see cref="ResampleCounts.Draw"/> counts, without a counts array to clear and pass over.
    /// </summary>
    internal abstract MetricSet Resample(ResampleCounts sampler, int seed, int replicate);

    /// <summary>Labels and scores for DeLong's auc variance; null unless binary with a score.</summary>
    internal virtual (bool[] Actual, double[] Score)? Ranking => null;

    public static MetricRows Binary(bool[] actual, bool[] predicted, double[]? probability, double[]? score = null) =>
        new BinaryRows(actual, predicted, probability, score ?? probability);

    public static MetricRows Multiclass(int[] actual, int[] predicted, int classCount, double[]? probabilities) =>
        new MulticlassRows(actual, predicted, classCount, probabilities);

    public static MetricRows Regression(double[] actual, double[] predicted) => new RegressionRows(actual, predicted);

    /// <summary>
    /// The rows of several sets of one task one after the other, as one set: the trial's folds, each scored by
    /// the model adapted on the rows before it, pooled so one paired bootstrap covers them all.
    /// </summary>
    internal static MetricRows Concat(IReadOnlyList<MetricRows> parts) => parts.Count == 1 ? parts[0] : parts[0] switch
    {
        BinaryRows => BinaryRows.Concat([.. parts.Cast<BinaryRows>()]),
        MulticlassRows => MulticlassRows.Concat([.. parts.Cast<MulticlassRows>()]),
        RegressionRows => RegressionRows.Concat([.. parts.Cast<RegressionRows>()]),
        _ => throw new ArgumentException($"{parts[0].GetType().Name} rows cannot be pooled.", nameof(parts)),
    };

    private protected static double Weight(int[]? weights, int i) => weights is null ? 1 : weights[i];
}
