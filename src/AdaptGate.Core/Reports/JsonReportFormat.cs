using System.Text.Json;

namespace AdaptGate.Core.Reports;

/// <summary>The machine-readable report: the JSON contract of docs/report-format.md.</summary>
public static class JsonReportFormat
{
    private static readonly ReportJsonContext Context = new(ReportJsonOptions.From(ReportJsonContext.Default.Options));

    public static string Write(CheckReport report) =>
        ReportJsonOptions.Finish(JsonSerializer.Serialize(report, Context.CheckReport));

    public static CheckReport Read(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Context.CheckReport)
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
