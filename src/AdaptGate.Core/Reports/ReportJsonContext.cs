using System.Text.Json.Serialization;

namespace AdaptGate.Core.Reports;

/// <summary>
/// Source-generated serialisation of the report: no reflection at run time, and the same bytes for
/// the same report. Nulls are written (not dropped) because the contract promises "pValue": null.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(CheckReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
