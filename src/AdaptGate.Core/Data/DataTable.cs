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
