using System.Globalization;
using System.Text;

namespace AdaptGate.Bench.Decisions;

/// <summary>Writes generated rows as the CSV a user's pipeline would hand to adaptgate.</summary>
internal static class ScenarioFiles
{
    private static readonly string[] Columns = ["X1", "X2", "X3", "X4", "Segment", "Label"];

    public static string Write(string path, IEnumerable<ScenarioRow> rows, string? dropColumn = null)
    {
        var columns = Columns.Where(c => c != dropColumn).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', columns));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', columns.Select(c => Cell(row, c))));
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Cell(ScenarioRow row, string column) => column switch
    {
        "X1" => row.X1.ToString("R", CultureInfo.InvariantCulture),
        "X2" => row.X2.ToString("R", CultureInfo.InvariantCulture),
        "X3" => row.X3.ToString("R", CultureInfo.InvariantCulture),
        "X4" => row.X4.ToString("R", CultureInfo.InvariantCulture),
        "Segment" => row.Segment,
        _ => row.Label ? "true" : "false",
    };
}
