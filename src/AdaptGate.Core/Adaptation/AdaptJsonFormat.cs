using AdaptGate.Core.Reports;
using System.Text.Json;

namespace AdaptGate.Core.Adaptation;

/// <summary>The machine-readable adapt report.</summary>
public static class AdaptJsonFormat
{
    // As the check report: readable escaping, finite numbers, no CI command in a name.
    private static readonly AdaptReportJsonContext Context = new(ReportJsonOptions.From(AdaptReportJsonContext.Default.Options));

    public static string Write(AdaptReport report) =>
        ReportJsonOptions.Finish(JsonSerializer.Serialize(report, Context.AdaptReport));

    public static AdaptReport Read(string json) =>
        JsonSerializer.Deserialize(json, Context.AdaptReport) ?? throw new JsonException("The adapt report is JSON null.");
}
