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

        // On values scaled by a power of two near the largest magnitude (exact), so labels near 1e160 do not overflow
        // the squares, nor labels near 1e-200 underflow them: rmse, mae and r2 come out as in ordinary units. Only
        // mse itself can then exceed double's range (it is in squared units), and the report says so.
        double largest = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            largest = Math.Max(largest, Math.Max(Math.Abs(actual[i]), Math.Abs(predicted[i])));
        }

        var exponent = largest > 0 && double.IsFinite(largest) ? Math.Clamp(Math.ILogB(largest), -1000, 1000) : 0;
        var down = Math.ScaleB(1.0, -exponent);
        double mean = 0;
        foreach (var y in actual)
        {
            mean += y * down;
        }

        mean /= actual.Length;

        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = (actual[i] * down) - (predicted[i] * down);
            squared += error * error;
            absolute += Math.Abs(error);
            var spread = (actual[i] * down) - mean;
            total += spread * spread;
        }

        var mse = squared / actual.Length;
        var r2 = total != 0 ? 1 - (squared / total) : squared == 0 ? 1.0 : 0.0;
        return new MetricSet
        {
            { MetricNames.Rmse, Math.ScaleB(Math.Sqrt(mse), exponent) },
            { MetricNames.Mae, Math.ScaleB(absolute / actual.Length, exponent) },
            { MetricNames.Mse, Math.ScaleB(mse, 2 * exponent) },
            { MetricNames.R2, r2 },
        };
    }
}
