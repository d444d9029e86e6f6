namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// Confidence intervals of one metric on the baseline, on the current file, and of its drop; <c>Method</c> is
/// "delong" (auc of a binary score), "bootstrap" (percentile interval of the resamples), or "delong+bootstrap"
/// (a label-free estimated auc's bootstrap against a labeled baseline's DeLong).
/// </summary>
public sealed record MetricInterval(
    string Method,
    double? BaselineLow,
    double? BaselineHigh,
    double? CurrentLow,
    double? CurrentHigh,
    double? DropLow,
    double? DropHigh);

/// <summary>Turns the replicates of the two files into intervals for a metric and its baseline-to-current drop.</summary>
public static class MetricIntervals
{
    /// <summary>
    /// <paramref name="baseline"/> is null when the baseline has no rows (a metrics file): it then counts as exact.
    /// <paramref name="current"/> is null when the current file has no rows, and then there is no interval at all.
    /// </summary>
    /// <returns>The intervals, or null when the current side has none for this metric.</returns>
    public static MetricInterval? Compare(string name, double? baselineValue, double currentValue, SampleReplicates? baseline, SampleReplicates? current, double level)
    {
        if (current is null)
        {
            return null;
        }

        var hasDrop = baselineValue is not null && MetricDirection.TryHigherIsBetter(name, out _);
        if (MetricNames.Normalize(name) == MetricNames.Auc && current.AucVariance is { } currentVariance)
        {
            var z = NormalQuantile.TwoSided(level);
            var (cLow, cHigh) = Around(currentValue, currentVariance, z, clip: true);
            double? bLow = null, bHigh = null, dLow = null, dHigh = null;
            var baselineVariance = baseline is null ? 0 : baseline.AucVariance ?? double.NaN;
            if (baseline is not null && baselineValue is not null)
            {
                (bLow, bHigh) = Around(baselineValue!.Value, baselineVariance, z, clip: true);
            }

            if (hasDrop && !double.IsNaN(baselineVariance))
            {
                (dLow, dHigh) = Around(baselineValue!.Value - currentValue, baselineVariance + currentVariance, z, clip: false);
            }

            return new MetricInterval("delong", bLow, bHigh, cLow, cHigh, dLow, dHigh);
        }

        if (current.Centered(name, currentValue) is not { } currentReplicates)
        {
            return null;
        }

        if (MetricNames.Normalize(name) == MetricNames.Auc && baseline?.AucVariance is { } labeledVariance && baselineValue is { } labeledBaseline)
        {
            // An estimated current auc (no labels, so no DeLong) against a labeled baseline: the baseline's
            // side is DeLong's, the current's the bootstrap's, and the drop's variance is their sum.
            var z = NormalQuantile.TwoSided(level);
            var (estimatedLow, estimatedHigh) = Percentiles(currentReplicates, 1 - level);
            var (bLow, bHigh) = Around(labeledBaseline, labeledVariance, z, clip: true);
            var (dLow, dHigh) = hasDrop ? Around(labeledBaseline - currentValue, labeledVariance + Variance(currentReplicates), z, clip: false) : (null, null);
            return new MetricInterval("delong+bootstrap", bLow, bHigh, estimatedLow, estimatedHigh, dLow, dHigh);
        }

        var baselineReplicates = baselineValue is { } b ? baseline?.Centered(name, b) : null;

        var alpha = 1 - level;
        var (currentLow, currentHigh) = Percentiles(currentReplicates, alpha);
        double? baselineLow = null, baselineHigh = null, dropLow = null, dropHigh = null;
        if (baselineReplicates is not null)
        {
            (baselineLow, baselineHigh) = Percentiles(baselineReplicates, alpha);
        }

        if (hasDrop)
        {
            // Independent samples: pair the b-th replicate of each side; a baseline without rows stays fixed.
            var drops = new double[currentReplicates.Length];
            for (var i = 0; i < drops.Length; i++)
            {
                var before = baselineReplicates is null ? baselineValue!.Value : baselineReplicates[i % baselineReplicates.Length];
                drops[i] = MetricDrop.Compute(name, before, currentReplicates[i]);
            }

            (dropLow, dropHigh) = Percentiles(drops, alpha);
        }

        return new MetricInterval("bootstrap", baselineLow, baselineHigh, currentLow, currentHigh, dropLow, dropHigh);
    }

    private static double Variance(double[] replicates)
    {
        var values = replicates.Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    private static (double? Low, double? High) Around(double value, double variance, double z, bool clip)
    {
        if (double.IsNaN(value) || double.IsNaN(variance))
        {
            return (null, null);
        }

        var half = z * Math.Sqrt(variance);
        return clip ? (Math.Max(0, value - half), Math.Min(1, value + half)) : (value - half, value + half);
    }

    /// <summary>The alpha/2 and 1 − alpha/2 quantiles, interpolated linearly as numpy's default; NaN replicates are left out.</summary>
    internal static (double? Low, double? High) Percentiles(double[] replicates, double alpha)
    {
        var sorted = replicates.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return (null, null);
        }

        return (Quantile(sorted, alpha / 2), Quantile(sorted, 1 - (alpha / 2)));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
