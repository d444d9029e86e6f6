namespace AdaptGate.Core.Drift;

/// <summary>Names, defaults, applicability and the automatic choice of drift methods.</summary>
public static class DriftMethods
{
    /// <summary>Above this many rows in the smaller sample, Auto prefers a distance over a test (Evidently's rule).</summary>
    public const long AutoTestMaxRows = 1000;

    /// <summary>ks 0.05, chisquare 0.05 (p-value cut-offs); psi, wasserstein, jensenshannon 0.1 (score cut-offs).</summary>
    public static double DefaultThreshold(DriftMethod method) => method switch
    {
        DriftMethod.Ks => 0.05,
        DriftMethod.ChiSquare => 0.05,
        DriftMethod.Psi => 0.1,
        DriftMethod.Wasserstein => 0.1,
        DriftMethod.JensenShannon => 0.1,
        _ => throw new ArgumentException($"Method '{Name(method)}' has no threshold; resolve it first.", nameof(method)),
    };

    /// <summary>
    /// Auto: numeric → ks when min(n, m) &lt;= 1000 else wasserstein; categorical/boolean →
    /// chisquare when min(n, m) &lt;= 1000 else jensenshannon. Explicit methods pass through.
    /// </summary>
    public static DriftMethod Resolve(DriftMethod requested, bool numeric, long referenceCount, long currentCount)
    {
        if (requested != DriftMethod.Auto)
        {
            return requested;
        }

        bool small = Math.Min(referenceCount, currentCount) <= AutoTestMaxRows;
        if (numeric)
        {
            return small ? DriftMethod.Ks : DriftMethod.Wasserstein;
        }

        return small ? DriftMethod.ChiSquare : DriftMethod.JensenShannon;
    }

    /// <summary>ks and wasserstein need numbers; chisquare needs categories; psi, jensenshannon and auto take both.</summary>
    public static bool Supports(DriftMethod method, bool numeric) => method switch
    {
        DriftMethod.Ks or DriftMethod.Wasserstein => numeric,
        DriftMethod.ChiSquare => !numeric,
        DriftMethod.Psi or DriftMethod.JensenShannon or DriftMethod.Auto => true,
        _ => false,
    };

    /// <summary>The configuration/report name of a method.</summary>
    public static string Name(DriftMethod m) => m switch
    {
        DriftMethod.Auto => "auto",
        DriftMethod.Ks => "ks",
        DriftMethod.ChiSquare => "chisquare",
        DriftMethod.Psi => "psi",
        DriftMethod.Wasserstein => "wasserstein",
        DriftMethod.JensenShannon => "jensenshannon",
        _ => throw new ArgumentOutOfRangeException(nameof(m), m, "Unknown drift method."),
    };

    /// <summary>Parses a method name (case-insensitive): auto, ks, chisquare, psi, wasserstein, jensenshannon.</summary>
    public static bool TryParse(string text, out DriftMethod m)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (DriftMethod candidate in Enum.GetValues<DriftMethod>())
        {
            if (string.Equals(text.Trim(), Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                m = candidate;
                return true;
            }
        }

        m = DriftMethod.Auto;
        return false;
    }
}
