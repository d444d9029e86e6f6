using AdaptGate.Core.Data;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Schema;

/// <summary>Lines up the columns of two tables by name: which are shared, which are in one file only, which changed kind.</summary>
internal static class SchemaComparer
{
    public static (IReadOnlyList<(DataColumn Reference, DataColumn Current)> Shared, IReadOnlyList<string> OnlyInReference, IReadOnlyList<string> OnlyInCurrent, IReadOnlyList<KindMismatch> KindMismatches)
        Align(DataTable reference, DataTable current)
    {
        var shared = new List<(DataColumn, DataColumn)>();
        var onlyInReference = new List<string>();
        var mismatches = new List<KindMismatch>();
        foreach (var column in reference.Columns)
        {
            var other = current.Find(column.Name);
            if (other is null)
            {
                onlyInReference.Add(column.Name);
                continue;
            }

            shared.Add((column, other));
            if (KindChanged(column, other))
            {
                mismatches.Add(new KindMismatch(column.Name, Checking.ColumnComparer.KindName(column.Kind), Checking.ColumnComparer.KindName(other.Kind)));
            }
        }

        var onlyInCurrent = current.Columns.Where(c => reference.Find(c.Name) is null).Select(c => c.Name).ToArray();
        return (shared, onlyInReference, onlyInCurrent, mismatches);
    }

    /// <summary>A column with no values at all has no kind to speak of: it is reported as missing, not as a kind change.</summary>
    private static bool KindChanged(DataColumn reference, DataColumn current) =>
        reference.Kind != current.Kind
        && reference.MissingCount < reference.Length
        && current.MissingCount < current.Length;
}
