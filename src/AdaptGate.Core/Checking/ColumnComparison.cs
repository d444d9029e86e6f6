using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>What became of one column present in both files: compared for drift, or excluded with a reason.</summary>
internal sealed record ColumnComparison(ColumnDrift? Drift, ExcludedColumn? Excluded, UnseenCategories? Unseen)
{
    public static ColumnComparison Compared(ColumnDrift drift, UnseenCategories? unseen = null) => new(drift, null, unseen);

    public static ColumnComparison Exclude(string name, string reason) => new(null, new ExcludedColumn(name, reason), null);
}
