namespace AdaptGate.Core.Data;

/// <summary>A loaded file: its columns in file order, all of the same length.</summary>
public sealed class DataTable
{
    public DataTable(string sourcePath, IReadOnlyList<DataColumn> columns, int rowCount)
        : this(sourcePath, columns, rowCount, [])
    {
    }

    public DataTable(string sourcePath, IReadOnlyList<DataColumn> columns, int rowCount, IReadOnlyList<SkippedColumn> skippedColumns)
    {
        SourcePath = sourcePath;
        Columns = columns;
        RowCount = rowCount;
        SkippedColumns = skippedColumns;
    }

    /// <summary>The path exactly as the user gave it, so messages match what they typed.</summary>
    public string SourcePath { get; }

    public IReadOnlyList<DataColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>Columns in the file that were not loaded (for example nested Parquet fields), in file order.</summary>
    public IReadOnlyList<SkippedColumn> SkippedColumns { get; }

    /// <summary>What the reader noticed about the file and the user should know (a guessed delimiter, a header that looks like data).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// SHA-256 of the bytes read, when the input was a stream that cannot be opened twice (a FIFO, a
    /// pipe) and was hashed from memory; null for a regular file, which is hashed from disk when needed.
    /// </summary>
    public string? ContentSha256 { get; init; }

    /// <summary>A table of other columns from the same file, keeping what was noticed about the file.</summary>
    public DataTable WithColumns(IReadOnlyList<DataColumn> columns) =>
        new(SourcePath, columns, RowCount, SkippedColumns) { Warnings = Warnings, ContentSha256 = ContentSha256 };

    /// <summary>Whether the file has a column of this name, loaded or skipped (a nested Parquet field).</summary>
    public bool HasColumn(string name) => Find(name) is not null || SkippedColumns.Any(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public DataColumn? Find(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }
}
