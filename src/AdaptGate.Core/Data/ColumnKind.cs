using System.Text.Json.Serialization;

namespace AdaptGate.Core.Data;

/// <summary>What a column holds, as inferred from its values or set by the policy.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
public enum ColumnKind
{
    [JsonStringEnumMemberName("numeric")]
    Numeric,
    [JsonStringEnumMemberName("boolean")]
    Boolean,
    [JsonStringEnumMemberName("categorical")]
    Categorical,
    [JsonStringEnumMemberName("datetime")]
    Datetime,
}
