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

    /// <summary>W1 between two sorted, NaN-free, non-empty samples; +∞ only when the distance itself exceeds double's range.</summary>
    public static double Distance(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        var (scaled, exponent) = ScaledDistance(sortedA, sortedB);
        return Math.ScaleB(scaled, exponent);
    }

    /// <summary>
    /// W1 divided by the reference's population standard deviation (ddof = 0). A constant
    /// reference (min == max) has no spread to scale by; dividing by
    /// <see cref="ConstantReferenceScale"/> instead keeps the score finite and makes any
    /// movement of the current data away from that constant register as drift (the check itself
    /// scores a constant reference differently: <see cref="ConstantReference"/>).
    /// Both are computed on values scaled by a power of two near their largest magnitude, so data
    /// near 1e308 does not overflow and data near 1e-300 does not underflow: the score of data × 2^k is
    /// exactly the score of the data, and within rounding for any other factor.
    /// </summary>
    public static double Normalized(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        var (distance, distanceExponent) = ScaledDistance(sortedReference, sortedCurrent);
        var (std, stdExponent) = ScaledStandardDeviation(sortedReference, default);
        return std > 0
            ? Finite(Math.ScaleB(distance / std, distanceExponent - stdExponent))
            : Finite(Math.ScaleB(distance, distanceExponent) / ConstantReferenceScale);
    }

    /// <summary>numpy.std(values) (ddof = 0), two-pass with compensated sums; exactly 0 when all values are equal.</summary>
    public static double PopulationStandardDeviation(ReadOnlySpan<double> sorted)
    {
        var (std, exponent) = ScaledStandardDeviation(sorted, default);
        return Math.ScaleB(std, exponent);
    }

    /// <summary>W1 divided by the population standard deviation of both samples taken together, scale-safe as above; 0 when all values are equal.</summary>
    public static double NormalizedByPooled(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        var (distance, distanceExponent) = ScaledDistance(sortedA, sortedB);
        var (std, stdExponent) = ScaledStandardDeviation(sortedA, sortedB);
        return std > 0 ? Finite(Math.ScaleB(distance / std, distanceExponent - stdExponent)) : 0;
    }

    /// <summary>A ratio beyond double's range (a spread of 1e-300 against a move of 1e300) is reported as the largest double.</summary>
    private static double Finite(double score) => double.IsPositiveInfinity(score) ? double.MaxValue : score;

    /// <summary>
    /// The power of two that brings a sample's largest magnitude into [1, 2), clamped so that its inverse is a
    /// normal double. Multiplying by a power of two is exact, so the scaled arithmetic rounds as the unscaled would.
    /// </summary>
    private static int ScaleExponent(double largestMagnitude) =>
        largestMagnitude > 0 ? Math.Clamp(Math.ILogB(largestMagnitude), -1000, 1000) : 0;

    private static double LargestMagnitude(ReadOnlySpan<double> sorted) =>
        sorted.IsEmpty ? 0 : Math.Max(Math.Abs(sorted[0]), Math.Abs(sorted[^1]));

    /// <returns>W1 / 2^exponent, and the exponent.</returns>
    // Optimized from the first call rather than on-stack-replaced: a loop that is the whole cost (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Scaled, int Exponent) ScaledDistance(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        int n1 = sortedA.Length;
        int n2 = sortedB.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Wasserstein distance needs two non-empty samples.");
        }

        int exponent = ScaleExponent(Math.Max(LargestMagnitude(sortedA), LargestMagnitude(sortedB)));
        double down = Math.ScaleB(1.0, -exponent);
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
            sum.Add(gap * ((next * down) - (current * down)));
            current = next;
        }

        return (sum.Value, exponent);
    }

    /// <returns>The standard deviation of a and b together / 2^exponent, and the exponent; exactly 0 when all values are equal.</returns>
    // Optimized from the first call rather than on-stack-replaced: a loop that is the whole cost (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Scaled, int Exponent) ScaledStandardDeviation(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        int count = sortedA.Length + sortedB.Length;
        if (count == 0)
        {
            throw new ArgumentException("Standard deviation of an empty sample.", nameof(sortedA));
        }

        double first = sortedA.IsEmpty ? sortedB[0] : sortedA[0];
        if (AllEqual(sortedA, first) && AllEqual(sortedB, first))
        {
            return (0.0, 0);
        }

        int exponent = ScaleExponent(Math.Max(LargestMagnitude(sortedA), LargestMagnitude(sortedB)));
        double down = Math.ScaleB(1.0, -exponent);
        var total = default(CompensatedSum);
        foreach (double v in sortedA)
        {
            total.Add(v * down);
        }

        foreach (double v in sortedB)
        {
            total.Add(v * down);
        }

        double mean = total.Value / count;
        var squares = default(CompensatedSum);
        foreach (double v in sortedA)
        {
            double d = (v * down) - mean;
            squares.Add(d * d);
        }

        foreach (double v in sortedB)
        {
            double d = (v * down) - mean;
            squares.Add(d * d);
        }

        return (Math.Sqrt(squares.Value / count), exponent);
    }

    private static bool AllEqual(ReadOnlySpan<double> sorted, double value) =>
        sorted.IsEmpty || (sorted[0] == value && sorted[^1] == value);
}
