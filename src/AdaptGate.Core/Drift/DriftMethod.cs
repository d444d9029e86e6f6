using System.Text.Json.Serialization;

namespace AdaptGate.Core.Drift;

/// <summary>The drift tests AdaptGate can run on a column.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftMethod>))]
public enum DriftMethod
{
    /// <summary>Pick by column kind and sample size (see <see cref="DriftMethods.Resolve"/>).</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>Two-sample Kolmogorov-Smirnov test (numeric); drifted when p &lt; threshold.</summary>
    [JsonStringEnumMemberName("ks")]
    Ks,

    /// <summary>Pearson chi-squared test of homogeneity (categorical/boolean); drifted when p &lt; threshold.</summary>
    [JsonStringEnumMemberName("chisquare")]
    ChiSquare,

    /// <summary>Population Stability Index (any kind); drifted when PSI &gt;= threshold.</summary>
    [JsonStringEnumMemberName("psi")]
    Psi,

    /// <summary>Wasserstein-1 distance scaled by the reference std (numeric); drifted when &gt;= threshold.</summary>
    [JsonStringEnumMemberName("wasserstein")]
    Wasserstein,

    /// <summary>Jensen-Shannon distance, natural log (any kind); drifted when &gt;= threshold.</summary>
    [JsonStringEnumMemberName("jensenshannon")]
    JensenShannon,
}
