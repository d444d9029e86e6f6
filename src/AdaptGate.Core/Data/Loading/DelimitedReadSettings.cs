namespace AdaptGate.Core.Data.Loading;

/// <summary>What <see cref="DelimitedTableReader"/> needs beyond the delimiter.</summary>
/// <param name="SniffDelimiter">The delimiter came from the extension, not the user: another one may be detected.</param>
/// <param name="HasHeader">The first line names the columns.</param>
/// <param name="ColumnNames">Names given by the user: the columns of a file without a header, or replacements for the header's.</param>
/// <param name="MissingValues">The spellings of a missing value.</param>
/// <param name="Chunking">How to parse in parallel; null: as suits this machine.</param>
internal sealed record DelimitedReadSettings(bool SniffDelimiter, bool HasHeader, IReadOnlyList<string> ColumnNames, MissingValueTokens MissingValues, DelimitedChunking? Chunking = null);
