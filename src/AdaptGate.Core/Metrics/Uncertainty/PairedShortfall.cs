namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// How far one model falls short of another on the same rows, with a paired bootstrap interval: each
/// resample draws rows once and scores both models on them, so what the two share (hard rows, easy
/// rows) cancels out of the difference instead of widening it, as it would with independent draws.
/// </summary>
public static class PairedShortfall
{
    /// <summary>
    /// The shortfall of <paramref name="candidate"/> from <paramref name="best"/> in <paramref name="metric"/>
    /// as <see cref="MetricDrop"/> measures a drop (a score's difference; an error's share of the best's),
    /// with its percentile interval at <paramref name="level"/>; null when the two were not scored on the same rows.
    /// </summary>
    public static (double Value, double? Low, double? High)? Measure(MetricRows candidate, MetricRows best, string metric, int resamples, int seed, double level)
    {
        if (candidate.Count != best.Count || candidate.Count == 0)
        {
            return null;
        }

        var value = MetricDrop.Compute(metric, Value(best, null, metric), Value(candidate, null, metric));
        var sampler = new ResampleCounts(candidate.Count, candidate.Strata, candidate.StrataCount);
        var shortfalls = new double[resamples];
        Parallel.For(
            0, resamples,
            () => new int[candidate.Count],
            (b, _, counts) =>
            {
                sampler.Draw(counts, seed, b);
                shortfalls[b] = sampler.Scaled(MetricDrop.Compute(metric, Value(best, counts, metric), Value(candidate, counts, metric)), value);
                return counts;
            },
            _ => { });
        var (low, high) = MetricIntervals.Percentiles(shortfalls, 1 - level);
        return (value, low, high);
    }

    private static double Value(MetricRows rows, int[]? weights, string metric) =>
        rows.Compute(weights).TryGetValue(metric, out var value) ? value : double.NaN;
}
