using System.Text.Json.Serialization;

namespace AdaptGate.Core.History;

/// <summary>
/// One history entry per line: compact, camelCase, absent values left out. Unknown keys are skipped
/// when reading, so a history written by a newer version stays readable by this one.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(HistoryEntry))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
