using System.Globalization;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>Reads single cells of a loaded column the way metrics need them.</summary>
internal static class ColumnValues
{
    public static bool IsMissing(DataColumn column, int row) => column switch
    {
        NumericColumn numeric => double.IsNaN(numeric.Values[row]),
        CategoricalColumn categorical => categorical.Codes[row] == CategoricalColumn.MissingCode,
        _ => throw new NotSupportedException("Unknown column type " + column.GetType().Name + "."),
    };

    /// <summary>The cell as text: numbers in invariant, shortest round-trip form ("1", "0.25"), categories as stored.</summary>
    public static string Text(DataColumn column, int row) => column switch
    {
        NumericColumn numeric => numeric.Values[row].ToString(CultureInfo.InvariantCulture),
        CategoricalColumn categorical => categorical.Categories[categorical.Codes[row]],
        _ => throw new NotSupportedException("Unknown column type " + column.GetType().Name + "."),
    };
}
