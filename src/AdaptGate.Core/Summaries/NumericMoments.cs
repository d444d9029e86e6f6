namespace AdaptGate.Core.Summaries;

/// <summary>
/// Count, extremes, mean and the sum of squared deviations (M2) of a column's non-missing values, and whether all are
/// whole numbers. Two parts merge exactly in count, extremes and integrality, and within rounding in mean and M2
/// (Chan, Golub and LeVeque's pairwise update).
/// </summary>
public sealed record NumericMoments(long Count, double Min, double Max, double Mean, double M2, bool AllInteger)
{
    /// <summary>The population standard deviation (ddof = 0).</summary>
    public double StandardDeviation => Count == 0 ? 0 : Math.Sqrt(M2 / Count);

    public static NumericMoments Of(ReadOnlySpan<double> values)
    {
        long count = 0;
        double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var integer = true;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            count++;
            var delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            integer &= v == Math.Floor(v);
        }

        return new NumericMoments(count, min, max, mean, m2, integer);
    }

    public NumericMoments Merge(NumericMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        long count = Count + other.Count;
        var delta = other.Mean - Mean;
        var mean = Mean + (delta * other.Count / count);
        var m2 = M2 + other.M2 + (delta * delta * ((double)Count * other.Count / count));
        return new NumericMoments(count, Math.Min(Min, other.Min), Math.Max(Max, other.Max), mean, m2, AllInteger && other.AllInteger);
    }
}
