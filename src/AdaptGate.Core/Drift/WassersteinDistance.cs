using System.Runtime.CompilerServices;

namespace AdaptGate.Core.Drift;

/// <summary>
/// First Wasserstein distance between two empirical distributions (scipy.stats.wasserstein_distance
/// with unit weights): ∫ |F_a − F_b| dx, summed in one merge over the two sorted arrays, O(n + m).
/// </summary>
public static class WassersteinDistance
{
    /// <summary>
    /// Reference standard deviations at or below zero are replaced by this, so a constant
    /// reference still yields a finite, comparable score (Evidently's normalisation floor).
    /// </summary>
    public const double ConstantReferenceScale = 0.001;

    /// <summary>W1 between two sorted, NaN-free, non-empty samples.</summary>
    // Optimized from the first call rather than on-stack-replaced: a loop that is the whole cost (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Distance(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        int n1 = sortedA.Length;
        int n2 = sortedB.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Wasserstein distance needs two non-empty samples.");
        }

        double n1d = n1;
        double n2d = n2;
        int i = 0;
        int j = 0;
        var sum = default(CompensatedSum);
        double current = Math.Min(sortedA[0], sortedB[0]);
        while (i < n1 || j < n2)
        {
            while (i < n1 && sortedA[i] <= current)
            {
                i++;
            }

            while (j < n2 && sortedB[j] <= current)
            {
                j++;
            }

            if (i == n1 && j == n2)
            {
                break;
            }

            double next = i < n1 && (j >= n2 || sortedA[i] <= sortedB[j]) ? sortedA[i] : sortedB[j];
            double gap = Math.Abs((i / n1d) - (j / n2d));
            sum.Add(gap * (next - current));
            current = next;
        }

        return sum.Value;
    }

    /// <summary>
    /// W1 divided by the reference's population standard deviation (ddof = 0). A constant
    /// reference (min == max) has no spread to scale by; dividing by
    /// <see cref="ConstantReferenceScale"/> instead keeps the score finite and makes any
    /// movement of the current data away from that constant register as drift.
    /// </summary>
    public static double Normalized(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        double distance = Distance(sortedReference, sortedCurrent);
        double std = PopulationStandardDeviation(sortedReference);
        return distance / (std > 0 ? std : ConstantReferenceScale);
    }

    /// <summary>numpy.std(values) (ddof = 0), two-pass with compensated sums; exactly 0 when all values are equal.</summary>
    // Optimized from the first call rather than on-stack-replaced: a loop that is the whole cost (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double PopulationStandardDeviation(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("Standard deviation of an empty sample.", nameof(sorted));
        }

        if (sorted[0] == sorted[^1])
        {
            return 0.0;
        }

        var total = default(CompensatedSum);
        foreach (double v in sorted)
        {
            total.Add(v);
        }

        double mean = total.Value / sorted.Length;
        var squares = default(CompensatedSum);
        foreach (double v in sorted)
        {
            double d = v - mean;
            squares.Add(d * d);
        }

        return Math.Sqrt(squares.Value / sorted.Length);
    }
}
