namespace AdaptGate.Core.Data;

/// <summary>How <see cref="TableReader"/> should read a file.</summary>
public sealed record TableReadOptions
{
    /// <summary>
    /// Field delimiter for delimited text. Null picks it from the extension:
    /// <c>.tsv</c>/<c>.tab</c> use a tab, everything else a comma.
    /// Ignored for <c>.parquet</c>, which is always read as Parquet.
    /// </summary>
    public char? Delimiter { get; init; }
}
