using AdaptGate.Core.Data;

namespace AdaptGate.Core.Checking;

/// <summary>
/// The order in which the column comparisons are handed to the worker threads: longest first.
/// Parallel.For splits the columns into contiguous ranges, so one thread could get most of the
/// numeric columns (which sort millions of values) while the other finished its categorical ones
/// early and waited; handing out the costly ones first, one at a time, keeps both busy to the end
/// (a 1M-row x 25-column check: 0.94 s -> 0.90 s on two cores).
/// </summary>
internal static class ComparisonSchedule
{
    /// <summary>Sorting a number costs several passes over it; counting a category code, one.</summary>
    private const long NumericCostPerValue = 8;

    public static int[] LongestFirst(IReadOnlyList<(DataColumn Reference, DataColumn Current)> pairs)
    {
        var order = Enumerable.Range(0, pairs.Count).ToArray();

        // Stable, so equal costs keep the file's order and every run schedules the same way.
        return [.. order.OrderByDescending(i => Cost(pairs[i].Reference) + Cost(pairs[i].Current))];
    }

    /// <summary>As the columns' overload, by the kinds and lengths the sides state.</summary>
    public static int[] LongestFirst(IReadOnlyList<(SideColumn Reference, SideColumn Current)> pairs)
    {
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        return [.. order.OrderByDescending(i => Cost(pairs[i].Reference) + Cost(pairs[i].Current))];
    }

    private static long Cost(SideColumn column) =>
        column.Kind is ColumnKind.Numeric or ColumnKind.Datetime ? column.Length * NumericCostPerValue : column.Length;

    private static long Cost(DataColumn column) =>
        column is NumericColumn ? column.Length * NumericCostPerValue : column.Length;
}
