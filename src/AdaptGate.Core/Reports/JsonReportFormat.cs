using System.Text.Json;

namespace AdaptGate.Core.Reports;

/// <summary>The machine-readable report: the JSON contract of design.md.</summary>
public static class JsonReportFormat
{
    public static string Write(CheckReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.CheckReport) + "\n";

    public static CheckReport Read(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReportJsonContext.Default.CheckReport)
                ?? throw new InputException("The report is empty (JSON null).", path, hint: "Pass a report written by 'adaptgate check --format json'.");
        }
        catch (JsonException e)
        {
            throw new InputException(
                $"Not an AdaptGate report: {e.Message}",
                path,
                e.LineNumber is { } line ? line + 1 : null,
                hint: "Pass a report written by 'adaptgate check --format json'.",
                inner: e);
        }
    }
}
