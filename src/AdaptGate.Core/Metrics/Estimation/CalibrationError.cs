namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Expected calibration error over bins of equal counts: the row-weighted mean of |share of positives − mean
/// probability| per bin. Equal counts rather than equal widths, because a good model's probabilities crowd
/// near 0 and 1 and equal widths would leave the middle bins nearly empty.
/// </summary>
internal static class CalibrationError
{
    public const int Bins = 10;

    public static double Compute(ReadOnlySpan<double> probability, ReadOnlySpan<double> outcome)
    {
        var n = probability.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        var order = new int[n];
        var keys = probability.ToArray();
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        double error = 0;
        for (var b = 0; b < Bins; b++)
        {
            var (from, to) = (b * n / Bins, (b + 1) * n / Bins);
            if (to <= from)
            {
                continue;
            }

            double p = 0, y = 0;
            for (var k = from; k < to; k++)
            {
                p += keys[k];
                y += outcome[order[k]];
            }

            error += Math.Abs(y - p) / n;
        }

        return error;
    }

    /// <summary>Mean squared difference of probability and outcome: a proper score, so honest probabilities win it on average.</summary>
    public static double Brier(ReadOnlySpan<double> probability, ReadOnlySpan<double> outcome)
    {
        double sum = 0;
        for (var i = 0; i < probability.Length; i++)
        {
            var d = probability[i] - outcome[i];
            sum += d * d;
        }

        return sum / Math.Max(1, probability.Length);
    }
}
