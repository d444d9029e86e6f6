using AdaptGate.Core.Checking;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Schema;

/// <summary>
/// Lines up the columns of two tables by name: which are shared, which are in one file only, which
/// changed kind. Columns a file has but could not load (nested Parquet fields) count as present:
/// removing one is a schema change, and one that became flat (or the reverse) changed kind.
/// </summary>
internal static class SchemaComparer
{
    /// <summary>The kind shown for a column that is in the file but was not loaded.</summary>
    public const string NotLoaded = "not loaded";

    public static (IReadOnlyList<(SideColumn Reference, SideColumn Current)> Shared, IReadOnlyList<string> OnlyInReference, IReadOnlyList<string> OnlyInCurrent, IReadOnlyList<KindMismatch> KindMismatches)
        Align(CheckSide reference, CheckSide current)
    {
        var shared = new List<(SideColumn, SideColumn)>();
        var onlyInReference = new List<string>();
        var mismatches = new List<KindMismatch>();
        foreach (var column in reference.Columns)
        {
            var other = current.Find(column.Name);
            if (other is null)
            {
                if (current.HasColumn(column.Name))
                {
                    mismatches.Add(new KindMismatch(column.Name, KindName(column), NotLoaded));
                }
                else
                {
                    onlyInReference.Add(column.Name);
                }

                continue;
            }

            shared.Add((column, other));
            if (KindChanged(column, other))
            {
                mismatches.Add(new KindMismatch(column.Name, KindName(column), KindName(other)));
            }
        }

        foreach (var skipped in reference.SkippedColumns)
        {
            if (current.Find(skipped.Name) is { } flat)
            {
                mismatches.Add(new KindMismatch(skipped.Name, NotLoaded, KindName(flat)));
            }
            else if (!current.HasColumn(skipped.Name))
            {
                onlyInReference.Add(skipped.Name);
            }
        }

        var onlyInCurrent = current.Columns.Select(c => c.Name)
            .Concat(current.SkippedColumns.Select(s => s.Name))
            .Where(name => !reference.HasColumn(name))
            .ToArray();
        return (shared, onlyInReference, onlyInCurrent, mismatches);
    }

    /// <summary>Whether one side of the change is a column its file has but could not load.</summary>
    public static bool InvolvesSkipped(KindMismatch mismatch, CheckSide reference, CheckSide current) =>
        reference.Find(mismatch.Name) is null || current.Find(mismatch.Name) is null;

    private static string KindName(SideColumn column) => ColumnComparer.KindName(column.Kind);

    /// <summary>A column with no values at all has no kind to speak of: it is reported as missing, not as a kind change.</summary>
    private static bool KindChanged(SideColumn reference, SideColumn current) =>
        reference.Kind != current.Kind
        && reference.MissingCount < reference.Length
        && current.MissingCount < current.Length;
}
