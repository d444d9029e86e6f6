using AdaptGate.Core.Data;

namespace AdaptGate.Core.Adaptation;

/// <summary>Row subsets and row unions of loaded tables: the slices adaptation trains and measures on.</summary>
internal static class TableRows
{
    /// <summary>The given rows of a table, in the given order, as a table of its own (same source path, for messages).</summary>
    public static DataTable Take(DataTable table, IReadOnlyList<int> rows)
    {
        var columns = table.Columns.Select(column => Take(column, rows)).ToArray();
        return new DataTable(table.SourcePath, columns, rows.Count);
    }

    /// <summary>
    /// The rows of several tables one after the other, by column name. Every column of the first
    /// table must be in the others; categories are merged by their text.
    /// </summary>
    public static DataTable Concat(string sourcePath, IReadOnlyList<DataTable> parts)
    {
        var first = parts[0];
        var rows = parts.Sum(p => p.RowCount);
        var columns = new List<DataColumn>();
        foreach (var column in first.Columns)
        {
            var pieces = parts.Select(p => p.Find(column.Name)).ToArray();
            if (pieces.Any(p => p is null))
            {
                continue;
            }

            columns.Add(pieces.All(p => p is NumericColumn)
                ? ConcatNumeric(column, pieces.Cast<NumericColumn>().ToArray(), rows)
                : ConcatText(column, pieces!, rows));
        }

        return new DataTable(sourcePath, columns, rows);
    }

    private static DataColumn Take(DataColumn column, IReadOnlyList<int> rows)
    {
        switch (column)
        {
            case NumericColumn numeric:
                var values = new double[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    values[i] = numeric.Values[rows[i]];
                }

                return new NumericColumn(numeric.Name, values, numeric.Kind);
            case CategoricalColumn categorical:
                var codes = new int[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    codes[i] = categorical.Codes[rows[i]];
                }

                return new CategoricalColumn(categorical.Name, codes, categorical.Categories, categorical.Kind);
            default:
                throw new InvalidOperationException($"Unknown column type {column.GetType().Name}.");
        }
    }

    private static NumericColumn ConcatNumeric(DataColumn first, NumericColumn[] pieces, int rows)
    {
        var values = new double[rows];
        var at = 0;
        foreach (var piece in pieces)
        {
            piece.Values.CopyTo(values, at);
            at += piece.Length;
        }

        return new NumericColumn(first.Name, values, first.Kind);
    }

    private static CategoricalColumn ConcatText(DataColumn first, DataColumn?[] pieces, int rows)
    {
        var categories = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[rows];
        var at = 0;
        foreach (var piece in pieces)
        {
            for (var row = 0; row < piece!.Length; row++, at++)
            {
                if (Metrics.ColumnValues.IsMissing(piece, row))
                {
                    codes[at] = CategoricalColumn.MissingCode;
                    continue;
                }

                var text = Metrics.ColumnValues.Text(piece, row);
                if (!index.TryGetValue(text, out var code))
                {
                    code = categories.Count;
                    index.Add(text, code);
                    categories.Add(text);
                }

                codes[at] = code;
            }
        }

        // Numbers mixed with text read as text: the kind follows the first table unless it cannot hold them.
        var kind = pieces.All(p => p!.Kind == first.Kind) && first.Kind != ColumnKind.Numeric ? first.Kind : ColumnKind.Categorical;
        return new CategoricalColumn(first.Name, codes, [.. categories], kind);
    }
}
