using System.Text.Json.Serialization;

namespace AdaptGate.Core.Policy;

/// <summary>How p-values of the per-column tests are corrected for testing many columns at once.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PValueCorrection>))]
public enum PValueCorrection
{
    /// <summary>Each column on its own (Evidently's default).</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Family-wise error: p × m.</summary>
    [JsonStringEnumMemberName("bonferroni")]
    Bonferroni,

    /// <summary>Holm's step-down: family-wise error, uniformly more powerful than Bonferroni.</summary>
    [JsonStringEnumMemberName("holm")]
    Holm,

    /// <summary>Benjamini-Hochberg: controls the false discovery rate.</summary>
    [JsonStringEnumMemberName("fdr-bh")]
    FdrBh,
}
