using System.Text.Json.Serialization;

namespace AdaptGate.Core.Adaptation;

/// <summary>Source-generated serialisation of the adapt report, written like the check report (camelCase, nulls kept).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AdaptReport))]
internal sealed partial class AdaptReportJsonContext : JsonSerializerContext;
