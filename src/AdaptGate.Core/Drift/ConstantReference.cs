using System.Globalization;
using AdaptGate.Core.Drift.Methods;

namespace AdaptGate.Core.Drift;

/// <summary>
/// A numeric reference column that holds one value has no spread to measure a distance in: Wasserstein would
/// divide by a stand-in (0.001) and score in no unit at all, and its decile bins collapse into one, so PSI and
/// Jensen-Shannon score 0 whatever the current data does. The check scores such a column as docs/reports.md
/// ("A column constant in the reference") describes: the constant is a fact about the data, so any current value
/// off it is drift; Wasserstein is in standard deviations of both files pooled, and the binned methods compare
/// three bins (below, at and above the constant). A note says which.
/// </summary>
public static class ConstantReference
{
    public static bool Is(ReadOnlySpan<double> sortedReference) =>
        !sortedReference.IsEmpty && sortedReference[0] == sortedReference[^1];

    /// <summary>Scores a column whose reference is constant (<see cref="Is"/>); ks keeps its own test, with the note.</summary>
    public static DriftTestResult Test(NumericSummary reference, NumericSummary current, DriftMethod method, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var value = reference.Sorted[0];
        var sorted = current.Sorted;
        var off = current.Count - (UpperBound(sorted, value) - QuantileBinning.LowerBound(sorted, value));
        var constant = CompactText(value);
        var definition = DriftMethodRegistry.Get(method);
        if (definition.Needs == DriftInput.Values && definition.ConstantReferenceScore is null)
        {
            var tested = DriftTest.Numeric(reference, current, method, threshold);
            return tested with { Note = $"constant {constant} in the reference" };
        }

        double limit = threshold ?? definition.DefaultThreshold;
        if (off == 0)
        {
            return new DriftTestResult(method, 0, null, limit, false, $"constant {constant} in both files");
        }

        var share = ((double)off / current.Count).ToString("0.##%", CultureInfo.InvariantCulture);
        if (definition.ConstantReferenceScore is { } constantScore)
        {
            var score = constantScore(reference, current);
            return new DriftTestResult(method, score, null, limit, true,
                $"constant {constant} in the reference, {share} of current values differ: scored in standard deviations of both files pooled; any value off the constant is drift");
        }

        var below = QuantileBinning.LowerBound(sorted, value);
        var at = UpperBound(sorted, value) - below;
        long[] referenceCounts = [0, reference.Count, 0];
        long[] currentCounts = [below, at, current.Count - below - at];
        var binned = definition.CountsScore!(referenceCounts, currentCounts).Score;
        return new DriftTestResult(method, binned, null, limit, true,
            $"constant {constant} in the reference, {share} of current values differ: compared over three bins (below, at, above the constant); any value off the constant is drift");
    }

    private static string CompactText(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (sorted[mid] <= value)
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
