using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdaptGate.Core.Policy.Json;

/// <summary>
/// Source-generated, strict reading and writing of adaptgate.json: camelCase names, no unknown keys,
/// no null where the model has no null, enums by their JSON names. Comments and trailing commas are
/// allowed because people edit this file by hand.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(GatePolicy))]
[JsonSerializable(typeof(ColumnPolicy))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
