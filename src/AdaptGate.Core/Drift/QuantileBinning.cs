namespace AdaptGate.Core.Drift;

/// <summary>
/// Decile bins for numeric PSI and Jensen-Shannon: edges are numpy.quantile(reference,
/// [0.1 … 0.9]) with numpy's default linear method, de-duplicated like numpy.unique; a value
/// v falls in bin numpy.searchsorted(edges, v, side="right"), i.e. the number of edges &lt;= v,
/// giving edges.Length + 1 bins whose outer two are open-ended.
/// </summary>
public static class QuantileBinning
{
    private static readonly double[] Deciles = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>The distinct decile edges of a sorted, NaN-free, non-empty reference.</summary>
    public static double[] Edges(ReadOnlySpan<double> sortedReference)
    {
        if (sortedReference.IsEmpty)
        {
            throw new ArgumentException("Cannot bin an empty reference.", nameof(sortedReference));
        }

        var edges = new double[Deciles.Length];
        for (int i = 0; i < Deciles.Length; i++)
        {
            edges[i] = Quantile(sortedReference, Deciles[i]);
        }

        return Distinct(edges);
    }

    /// <summary>
    /// The same edges from the order statistics alone: <paramref name="valueAt"/> gives the value of 0-based rank i of
    /// the <paramref name="count"/> sorted values, and is asked only for the ranks <see cref="EdgeRanks"/> lists (a SQL
    /// engine fetches those few instead of every value).
    /// </summary>
    internal static double[] Edges(long count, Func<long, double> valueAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(valueAt);
        var edges = new double[Deciles.Length];
        for (int i = 0; i < Deciles.Length; i++)
        {
            var (lower, upper, gamma) = Position(count, Deciles[i]);
            edges[i] = Interpolate(valueAt(lower), valueAt(upper), gamma);
        }

        return Distinct(edges);
    }

    /// <summary>The 0-based ranks whose values the decile edges of <paramref name="count"/> values are interpolated from.</summary>
    internal static long[] EdgeRanks(long count) =>
        [.. Deciles.SelectMany(q => Position(count, q) is var (lower, upper, _) ? new[] { lower, upper } : []).Distinct().Order()];

    private static double[] Distinct(double[] edges)
    {
        Array.Sort(edges);
        int distinct = 0;
        for (int i = 0; i < edges.Length; i++)
        {
            if (distinct == 0 || edges[i] != edges[distinct - 1])
            {
                edges[distinct++] = edges[i];
            }
        }

        return edges[..distinct];
    }

    /// <summary>Counts of a sorted, NaN-free sample per bin (edges.Length + 1 bins).</summary>
    public static long[] Counts(ReadOnlySpan<double> sorted, ReadOnlySpan<double> edges)
    {
        var counts = new long[edges.Length + 1];
        long previousBelow = 0;
        for (int k = 0; k < edges.Length; k++)
        {
            long below = LowerBound(sorted, edges[k]);
            counts[k] = below - previousBelow;
            previousBelow = below;
        }

        counts[edges.Length] = sorted.Length - previousBelow;
        return counts;
    }

    /// <summary>
    /// numpy.quantile(sorted, q, method="linear") for numpy 1.24: virtual index (n-1)·q,
    /// neighbours at floor and floor+1 (both the last element at or past n-1), and numpy's
    /// _lerp, which interpolates from the upper neighbour when the weight is &gt;= 0.5.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var (lower, upper, gamma) = Position(sorted.Length, q);
        return Interpolate(sorted[(int)lower], sorted[(int)upper], gamma);
    }

    /// <summary>numpy's neighbours and weight for quantile q of n sorted values.</summary>
    private static (long Lower, long Upper, double Gamma) Position(long n, double q)
    {
        double virtualIndex = (n - 1) * q;
        double previousIndex = Math.Floor(virtualIndex);
        double gamma = virtualIndex - previousIndex;
        return virtualIndex >= n - 1 ? (n - 1, n - 1, gamma) : ((long)previousIndex, (long)previousIndex + 1, gamma);
    }

    private static double Interpolate(double below, double above, double gamma)
    {
        double diff = above - below;
        return gamma >= 0.5 ? above - (diff * (1 - gamma)) : below + (diff * gamma);
    }

    /// <summary>Number of elements strictly less than value.</summary>
    internal static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
