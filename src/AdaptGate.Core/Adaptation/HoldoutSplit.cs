using System.Text.Json.Serialization;

namespace AdaptGate.Core.Adaptation;

/// <summary>How the held-out current rows are chosen.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoldoutSplit>))]
public enum HoldoutSplit
{
    /// <summary>Seeded random rows: every part of the current window is measured on.</summary>
    [JsonStringEnumMemberName("random")]
    Random,

    /// <summary>
    /// The last rows in file order: candidates learn from the earlier rows and are scored on the later ones,
    /// as a deployed model meets the data. A random split lets a candidate learn from rows next in time to the
    /// ones it is scored on, which flatters adapting when the data keeps moving.
    /// </summary>
    [JsonStringEnumMemberName("time")]
    Time,
}
