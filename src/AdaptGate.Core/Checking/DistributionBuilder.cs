using AdaptGate.Core.Drift;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Turns the summaries a drift test already built into a chartable distribution: the same bins
/// the binned methods (psi, jensenshannon) compare, as shares of each side's non-missing values.
/// </summary>
internal static class DistributionBuilder
{
    /// <summary>More bars than this make a chart unreadable; the rest are summed into one bin.</summary>
    public const int MaxCategories = 12;

    public const string OtherBin = "other";

    /// <summary>Numeric: the reference-decile bins (<paramref name="edges"/>, with each side's counts); outer bins are open-ended, as the binning is.</summary>
    public static ColumnDistribution Numeric(double[] edges, long[] referenceCounts, long[] currentCounts)
    {
        var bins = new string[edges.Length + 1];
        bins[0] = $"< {CompactNumber.Format(edges[0])}";
        for (var i = 1; i < edges.Length; i++)
        {
            bins[i] = $"{CompactNumber.Format(edges[i - 1])} – {CompactNumber.Format(edges[i])}";
        }

        bins[edges.Length] = $">= {CompactNumber.Format(edges[^1])}";
        return new ColumnDistribution(bins, Shares(referenceCounts), Shares(currentCounts));
    }

    /// <summary>
    /// Categorical and boolean: the most frequent categories over both sides (ties by name, so
    /// every run draws the same chart), then one bin for the rest.
    /// </summary>
    public static ColumnDistribution Categorical(CategoricalSummary reference, CategoricalSummary current)
    {
        var (categories, referenceCounts, currentCounts) = CategoryAlignment.Align(reference, current);
        var order = Enumerable.Range(0, categories.Length)
            .OrderByDescending(i => referenceCounts[i] + currentCounts[i])
            .ThenBy(i => categories[i], StringComparer.Ordinal)
            .ToArray();
        if (order.Length <= MaxCategories)
        {
            return new ColumnDistribution(
                order.Select(i => categories[i]).ToArray(),
                Shares(order.Select(i => referenceCounts[i]).ToArray()),
                Shares(order.Select(i => currentCounts[i]).ToArray()));
        }

        var top = order[..MaxCategories];
        var rest = order[MaxCategories..];
        var bins = top.Select(i => categories[i]).ToList();

        // A category may itself be called "other": the summed bin must not be mistaken for it.
        bins.Add(bins.Contains(OtherBin, StringComparer.Ordinal) ? $"({OtherBin})" : OtherBin);
        return new ColumnDistribution(
            bins,
            Shares([.. top.Select(i => referenceCounts[i]), rest.Sum(i => referenceCounts[i])]),
            Shares([.. top.Select(i => currentCounts[i]), rest.Sum(i => currentCounts[i])]));
    }

    private static double[] Shares(long[] counts)
    {
        double total = counts.Sum();
        return counts.Select(c => total > 0 ? c / total : 0).ToArray();
    }
}
