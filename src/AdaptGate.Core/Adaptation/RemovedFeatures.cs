using System.Globalization;
using AdaptGate.Core.Data;
using Microsoft.ML;

namespace AdaptGate.Core.Adaptation;

/// <summary>A model input the current file no longer has, and the constant it is replaced with on every side.</summary>
public sealed record RemovedFeature(string Column, string FilledWith);

/// <summary>
/// The model's featurizer is fitted and cannot drop an input. A column that left the data (a schema
/// change) is therefore filled with one constant, its reference mean (numbers) or most frequent value
/// (text), on the reference rows as well as the current ones: a constant input carries no
/// information, so the adapted model learns as if the column were gone, and the old model is scored
/// as it would be with the value imputed.
/// </summary>
internal static class RemovedFeatures
{
    public static (DataTable Reference, DataTable Current, IReadOnlyList<RemovedFeature> Removed) Fill(
        DataViewSchema inputSchema, DataTable reference, DataTable current, string label)
    {
        var removed = new List<RemovedFeature>();
        var referenceColumns = reference.Columns.ToList();
        var currentColumns = current.Columns.ToList();
        foreach (var input in inputSchema)
        {
            if (input.IsHidden || input.Name == label || current.Find(input.Name) is not null || reference.Find(input.Name) is not { } column)
            {
                continue;
            }

            var (filled, text) = Constant(column);
            removed.Add(new RemovedFeature(column.Name, text));
            referenceColumns[referenceColumns.IndexOf(column)] = filled(reference.RowCount);
            currentColumns.Add(filled(current.RowCount));
        }

        return removed.Count == 0
            ? (reference, current, removed)
            : (new DataTable(reference.SourcePath, referenceColumns, reference.RowCount),
               new DataTable(current.SourcePath, currentColumns, current.RowCount),
               removed);
    }

    private static (Func<int, DataColumn> Make, string Text) Constant(DataColumn column)
    {
        if (column is NumericColumn numeric)
        {
            var present = numeric.Values.Where(v => !double.IsNaN(v)).ToArray();
            var mean = present.Length == 0 ? 0 : present.Average();
            return (rows => new NumericColumn(column.Name, Enumerable.Repeat(mean, rows).ToArray(), numeric.Kind), mean.ToString("G6", CultureInfo.InvariantCulture));
        }

        var categorical = (CategoricalColumn)column;
        var counts = new int[categorical.Categories.Length];
        foreach (var code in categorical.Codes)
        {
            if (code != CategoricalColumn.MissingCode)
            {
                counts[code]++;
            }
        }

        var mode = counts.Length == 0 ? CategoricalColumn.MissingCode : Array.IndexOf(counts, counts.Max());
        var text = mode == CategoricalColumn.MissingCode ? "(missing)" : categorical.Categories[mode];
        return (rows => new CategoricalColumn(column.Name, Enumerable.Repeat(mode, rows).ToArray(), categorical.Categories, categorical.Kind), text);
    }
}
