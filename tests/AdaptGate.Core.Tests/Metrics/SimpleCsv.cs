using System.Globalization;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>
/// Test-only loader for simple CSV files (no quoting): numeric when every value parses, boolean
/// when every value is true/false, text otherwise. Stands in for TableReader, which is on another branch.
/// </summary>
internal static class SimpleCsv
{
    public static DataTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var names = lines[0].Split(',');
        var cells = new string?[names.Length][];
        for (var c = 0; c < names.Length; c++)
        {
            cells[c] = new string?[lines.Length - 1];
        }

        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            for (var c = 0; c < names.Length; c++)
            {
                cells[c][r - 1] = fields[c] is "" or "NA" or "NaN" or "null" ? null : fields[c];
            }
        }

        var columns = new DataColumn[names.Length];
        for (var c = 0; c < names.Length; c++)
        {
            columns[c] = ToColumn(names[c], cells[c]);
        }

        return new DataTable(path, columns, lines.Length - 1);
    }

    private static DataColumn ToColumn(string name, string?[] values)
    {
        var numbers = new double[values.Length];
        var numeric = true;
        for (var i = 0; i < values.Length && numeric; i++)
        {
            numbers[i] = double.NaN;
            numeric = values[i] is null || double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
        }

        if (numeric)
        {
            return new NumericColumn(name, numbers);
        }

        return Array.TrueForAll(values, v => v is null or "true" or "false")
            ? TestTables.Booleans(name, values.Select(v => v is null ? (bool?)null : v == "true").ToArray())
            : TestTables.Text(name, values);
    }
}
