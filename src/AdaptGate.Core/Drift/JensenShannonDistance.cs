namespace AdaptGate.Core.Drift;

/// <summary>
/// Jensen-Shannon distance with natural logarithms, as
/// scipy.spatial.distance.jensenshannon(p, q) computes it: both count vectors normalised to
/// probabilities, m = (p + q) / 2, sqrt((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / 2). Lies in
/// [0, sqrt(ln 2)].
/// </summary>
public static class JensenShannonDistance
{
    /// <summary>JS distance of two count vectors over the same bins; both totals must be positive.</summary>
    public static double FromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        if (referenceCounts.Length != currentCounts.Length)
        {
            throw new ArgumentException("Reference and current counts must cover the same bins.", nameof(currentCounts));
        }

        double referenceTotal = PopulationStabilityIndex.Total(referenceCounts);
        double currentTotal = PopulationStabilityIndex.Total(currentCounts);
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("Jensen-Shannon distance needs at least one value on each side.");
        }

        double left = 0.0;
        double right = 0.0;
        for (int i = 0; i < referenceCounts.Length; i++)
        {
            double p = referenceCounts[i] / referenceTotal;
            double q = currentCounts[i] / currentTotal;
            double m = (p + q) / 2.0;
            left += RelativeEntropyTerm(p, m);
            right += RelativeEntropyTerm(q, m);
        }

        double js = left + right;
        return Math.Sqrt(js / 2.0);
    }

    /// <summary>scipy.special.rel_entr(x, y) for x, y &gt;= 0 with y &gt; 0 wherever x &gt; 0.</summary>
    private static double RelativeEntropyTerm(double x, double y) => x > 0 && y > 0 ? x * Math.Log(x / y) : 0.0;
}
