namespace AdaptGate.Core.Data;

/// <summary>A loaded file: its columns in file order, all of the same length.</summary>
public sealed class DataTable
{
    public DataTable(string sourcePath, IReadOnlyList<DataColumn> columns, int rowCount)
    {
        SourcePath = sourcePath;
        Columns = columns;
        RowCount = rowCount;
    }

    public string SourcePath { get; }

    public IReadOnlyList<DataColumn> Columns { get; }

    public int RowCount { get; }

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
