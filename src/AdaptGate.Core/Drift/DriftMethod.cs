namespace AdaptGate.Core.Drift;

/// <summary>The drift tests AdaptGate can run on a column.</summary>
public enum DriftMethod
{
    /// <summary>Pick by column kind and sample size (see <see cref="DriftMethods.Resolve"/>).</summary>
    Auto,

    /// <summary>Two-sample Kolmogorov-Smirnov test (numeric); drifted when p &lt; threshold.</summary>
    Ks,

    /// <summary>Pearson chi-squared test of homogeneity (categorical/boolean); drifted when p &lt; threshold.</summary>
    ChiSquare,

    /// <summary>Population Stability Index (any kind); drifted when PSI &gt;= threshold.</summary>
    Psi,

    /// <summary>Wasserstein-1 distance scaled by the reference std (numeric); drifted when &gt;= threshold.</summary>
    Wasserstein,

    /// <summary>Jensen-Shannon distance, natural log (any kind); drifted when &gt;= threshold.</summary>
    JensenShannon,
}
