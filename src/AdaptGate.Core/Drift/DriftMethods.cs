using AdaptGate.Core.Drift.Methods;

namespace AdaptGate.Core.Drift;

/// <summary>Names, defaults, applicability and the automatic choice of drift methods.</summary>
public static class DriftMethods
{
    /// <summary>Above this many rows in the smaller sample, Auto prefers a distance over a test (Evidently's rule).</summary>
    public const long AutoTestMaxRows = 1000;

    /// <summary>The method's default threshold (<see cref="DriftMethodDefinition.DefaultThreshold"/>); auto has none.</summary>
    public static double DefaultThreshold(DriftMethod method) => DriftMethodRegistry.Get(method).DefaultThreshold;

    /// <summary>"auto" and every registered method's name, in the order the command line lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", .. DriftMethodRegistry.All.Select(d => d.Name)];

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

    /// <summary>Whether the method applies to a numeric (or a categorical/boolean) column; auto applies to every kind.</summary>
    public static bool Supports(DriftMethod method, bool numeric) =>
        method == DriftMethod.Auto || DriftMethodRegistry.All.Any(d => d.Method == method && d.Applies(numeric));

    /// <summary>The configuration/report name of a method.</summary>
    public static string Name(DriftMethod m)
    {
        if (m == DriftMethod.Auto)
        {
            return "auto";
        }

        foreach (var definition in DriftMethodRegistry.All)
        {
            if (definition.Method == m)
            {
                return definition.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(m), m, "Unknown drift method.");
    }

    /// <summary>Parses a method name (case-insensitive): one of <see cref="Names"/>.</summary>
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
