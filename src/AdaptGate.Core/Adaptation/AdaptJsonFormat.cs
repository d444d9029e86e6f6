using System.Text.Encodings.Web;
using System.Text.Json;

namespace AdaptGate.Core.Adaptation;

/// <summary>The machine-readable adapt report.</summary>
public static class AdaptJsonFormat
{
    // As the check report: data for scripts, never pasted into HTML, so readable escaping is safe.
    private static readonly AdaptReportJsonContext Context = new(new JsonSerializerOptions(AdaptReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(AdaptReport report) =>
        JsonSerializer.Serialize(report, Context.AdaptReport) + "\n";

    public static AdaptReport Read(string json) =>
        JsonSerializer.Deserialize(json, Context.AdaptReport) ?? throw new JsonException("The adapt report is JSON null.");
}
