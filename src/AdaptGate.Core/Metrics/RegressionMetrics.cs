namespace AdaptGate.Core.Metrics;

/// <summary>Regression metrics on arrays, as scikit-learn defines them.</summary>
public static class RegressionMetrics
{
    /// <summary>
    /// rmse, mae, mse and r2 (sklearn's <c>r2_score</c>). With constant labels r2 has no variance to
    /// explain; like sklearn (<c>force_finite=True</c>) it is then 1 for perfect predictions and 0 otherwise.
    /// </summary>
    public static MetricSet Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException("Labels and predictions differ in length.", nameof(predicted));
        }

        if (actual.Length == 0)
        {
            throw new ArgumentException("No rows to compute metrics on.", nameof(actual));
        }

        double mean = 0;
        foreach (var y in actual)
        {
            mean += y;
        }

        mean /= actual.Length;

        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.Abs(error);
            var spread = actual[i] - mean;
            total += spread * spread;
        }

        var mse = squared / actual.Length;
        var r2 = total != 0 ? 1 - (squared / total) : squared == 0 ? 1.0 : 0.0;
        return new MetricSet
        {
            { MetricNames.Rmse, Math.Sqrt(mse) },
            { MetricNames.Mae, absolute / actual.Length },
            { MetricNames.Mse, mse },
            { MetricNames.R2, r2 },
        };
    }
}
