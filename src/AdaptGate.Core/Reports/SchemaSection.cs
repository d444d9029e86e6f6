namespace AdaptGate.Core.Reports;

/// <summary>How the two files' columns line up, and which columns were left out of drift and why.</summary>
public sealed record SchemaSection(
    IReadOnlyList<string> OnlyInReference,
    IReadOnlyList<string> OnlyInCurrent,
    IReadOnlyList<KindMismatch> KindMismatches,
    IReadOnlyList<UnseenCategories> UnseenCategories,
    IReadOnlyList<ColumnMissing> Missing,
    IReadOnlyList<ExcludedColumn> Excluded)
{
    public bool Changed => OnlyInReference.Count > 0 || KindMismatches.Count > 0;
}

public sealed record KindMismatch(string Name, string Reference, string Current);

/// <summary>Categories of a column seen in the current file but never in the reference.</summary>
public sealed record UnseenCategories(string Name, int Count, long Rows, IReadOnlyList<string> Examples);

public sealed record ColumnMissing(string Name, double Reference, double Current, double Change);

public sealed record ExcludedColumn(string Name, string Reason);
