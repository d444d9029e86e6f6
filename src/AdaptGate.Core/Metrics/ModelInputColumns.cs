using AdaptGate.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// Turns file columns into the typed columns a model's input schema declares: Single and Double
/// from numbers (booleans as 0/1), Boolean from booleans or 0/1 numbers, String from text or
/// numbers in invariant form. Columns it cannot build are listed with the reason, not thrown:
/// the model may not need them (an input class can carry unused fields).
/// </summary>
internal static class ModelInputColumns
{
    public static List<ViewColumn> Build(DataViewSchema inputSchema, DataTable table, int[] rows, List<(string Column, string Problem)> unprovided)
    {
        var columns = new List<ViewColumn>();
        foreach (var input in inputSchema)
        {
            if (input.IsHidden)
            {
                continue;
            }

            if (table.Find(input.Name) is not { } source)
            {
                unprovided.Add((input.Name, $"'{input.Name}' ({input.Type}) is not in the file"));
                continue;
            }

            var values = Convert(source, input.Type, rows, out var problem);
            if (values is null)
            {
                unprovided.Add((input.Name, $"'{input.Name}': {problem}"));
                continue;
            }

            columns.Add(new ViewColumn(input.Name, input.Type, values));
        }

        return columns;
    }

    private static Array? Convert(DataColumn source, DataViewType type, int[] rows, out string problem)
    {
        problem = string.Empty;
        if (type == NumberDataViewType.Single || type == NumberDataViewType.Double)
        {
            if (source is CategoricalColumn { Kind: not ColumnKind.Boolean })
            {
                problem = "the model expects a number, the file has text";
                return null;
            }

            return type == NumberDataViewType.Single ? Singles(source, rows) : Doubles(source, rows);
        }

        if (type == BooleanDataViewType.Instance)
        {
            var booleans = Booleans(source, rows);
            if (booleans is null)
            {
                problem = "the model expects a boolean, the file has values other than true/false or 0/1";
            }

            return booleans;
        }

        if (type == TextDataViewType.Instance)
        {
            return Texts(source, rows);
        }

        problem = $"the model expects {type}; AdaptGate builds Single, Double, Boolean and String inputs from file columns";
        return null;
    }

    private static float[] Singles(DataColumn source, int[] rows)
    {
        var doubles = Doubles(source, rows);
        var values = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = (float)doubles[i];
        }

        return values;
    }

    private static double[] Doubles(DataColumn source, int[] rows)
    {
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = source switch
            {
                NumericColumn numeric => numeric.Values[rows[i]],
                CategoricalColumn categorical when categorical.Codes[rows[i]] == CategoricalColumn.MissingCode => double.NaN,
                CategoricalColumn categorical => categorical.Categories[categorical.Codes[rows[i]]] == "true" ? 1 : 0,
                _ => double.NaN,
            };
        }

        return values;
    }

    /// <summary>ML.NET's Boolean has no missing value; a missing cell reads as false, as ML.NET's own text loader reads an empty field.</summary>
    private static bool[]? Booleans(DataColumn source, int[] rows)
    {
        var values = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (ColumnValues.IsMissing(source, row))
            {
                continue;
            }

            var text = ColumnValues.Text(source, row);
            if (text is "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                values[i] = true;
            }
            else if (text is not "0" && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>Missing cells become empty text, which ML.NET's text and one-hot transforms treat as missing.</summary>
    private static ReadOnlyMemory<char>[] Texts(DataColumn source, int[] rows)
    {
        var values = new ReadOnlyMemory<char>[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            values[i] = ColumnValues.IsMissing(source, row) ? ReadOnlyMemory<char>.Empty : ColumnValues.Text(source, row).AsMemory();
        }

        return values;
    }
}
