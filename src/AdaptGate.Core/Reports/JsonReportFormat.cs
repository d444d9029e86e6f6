using System.Text.Encodings.Web;
using System.Text.Json;

namespace AdaptGate.Core.Reports;

/// <summary>The machine-readable report: the JSON contract of docs/report-format.md.</summary>
public static class JsonReportFormat
{
    /// <summary>
    /// People read these reports too: keep quotes and non-ASCII column names as they are instead of
    /// \u0027 escapes. The report is data for scripts, never pasted into HTML, so relaxed escaping is safe.
    /// </summary>
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(CheckReport report) =>
        JsonSerializer.Serialize(report, Context.CheckReport) + "\n";

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
