namespace AdaptGate.Core.Reports;

/// <summary>
/// Puts the columns that drifted most first. Tests (p-values) and distances live on different
/// scales, so each is measured against its own threshold: above 1 means past the threshold.
/// </summary>
public static class DriftSeverity
{
    public static double Of(ColumnDrift column)
    {
        if (column.PValue is { } p)
        {
            // -log10 keeps tiny p-values apart (1e-30 is worse than 1e-5) and maps the threshold to 1.
            var floor = Math.Max(p, double.Epsilon);
            return Math.Log10(floor) / Math.Log10(column.Threshold);
        }

        if (column.Score is { } score)
        {
            return column.Threshold > 0 ? score / column.Threshold : score;
        }

        // Nothing to measure (all values missing on one side, kind changed): as bad as it gets.
        return double.PositiveInfinity;
    }

    /// <summary>Drifted columns first, most severe first; ties by name so the order never changes.</summary>
    public static IReadOnlyList<ColumnDrift> Order(IEnumerable<ColumnDrift> columns) =>
        columns
            .OrderByDescending(c => c.Drifted)
            .ThenByDescending(Of)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
}
