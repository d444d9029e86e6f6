namespace AdaptGate.Core.Multivariate;

/// <summary>Turns the model's per-slot gains into the columns that separate the sides most.</summary>
internal static class ColumnImportance
{
    public const int Reported = 5;

    /// <summary>
    /// Sums each column's slots (a one-hot column's categories, a missing-value flag), normalises
    /// the sums to 1 over all columns, and keeps the <see cref="Reported"/> largest, ties by
    /// ordinal name. Columns with no gain are left out: they did not help separate anything.
    /// Empty when no split gained anything (the sides could not be told apart at all).
    /// </summary>
    public static IReadOnlyList<SeparatingColumn> Top(FeatureMatrix matrix, double[] slotGains)
    {
        var perColumn = new double[matrix.Columns.Count];
        for (var slot = 0; slot < slotGains.Length; slot++)
        {
            perColumn[matrix.SlotOwner[slot]] += slotGains[slot];
        }

        var total = perColumn.Sum();
        if (!(total > 0))
        {
            return [];
        }

        return perColumn
            .Select((gain, column) => new SeparatingColumn(matrix.Columns[column], gain / total))
            .Where(column => column.Importance > 0)
            .OrderByDescending(column => column.Importance)
            .ThenBy(column => column.Name, StringComparer.Ordinal)
            .Take(Reported)
            .ToList();
    }
}
