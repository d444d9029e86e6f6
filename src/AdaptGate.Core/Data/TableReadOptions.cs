using AdaptGate.Core.Data.Loading;

namespace AdaptGate.Core.Data;

/// <summary>How <see cref="TableReader"/> should read a file.</summary>
public sealed record TableReadOptions
{
    /// <summary>
    /// Field delimiter for delimited text. Null picks it from the extension (<c>.tsv</c>/<c>.tab</c>
    /// use a tab, everything else a comma) and, when the first line holds one field that
    /// <c>;</c>, a tab or <c>|</c> splits consistently over the first lines, takes that one.
    /// Ignored for <c>.parquet</c>, which is always read as Parquet.
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>False when the first line of a text file is data, not column names.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>
    /// Column names for a text file, in order. With <see cref="HasHeader"/> false they name the
    /// columns of a file without a header row (empty: <c>column1</c>, <c>column2</c>, ...); with a
    /// header row they replace its names.
    /// </summary>
    public IReadOnlyList<string> ColumnNames { get; init; } = [];

    /// <summary>Cell texts read as missing in addition to the built-in ones (empty, NA, N/A, NaN, nan, null, NULL, None).</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>How a delimited file is split for parsing on several cores; null suits this machine. Tests set small chunks.</summary>
    internal DelimitedChunking? Chunking { get; init; }
}
