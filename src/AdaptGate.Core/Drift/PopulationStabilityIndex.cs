namespace AdaptGate.Core.Drift;

/// <summary>
/// Population Stability Index over matching bins: Σ (c − r)·ln(c / r) with r, c the reference
/// and current proportions, each zero proportion replaced by 0.0001 so empty bins contribute a
/// large but finite amount (the common PSI convention, as in Evidently).
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>The stand-in for a proportion of zero.</summary>
    public const double EmptyBinProportion = 0.0001;

    /// <summary>PSI of two count vectors over the same bins; both totals must be positive.</summary>
    public static double FromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        if (referenceCounts.Length != currentCounts.Length)
        {
            throw new ArgumentException("Reference and current counts must cover the same bins.", nameof(currentCounts));
        }

        double referenceTotal = Total(referenceCounts);
        double currentTotal = Total(currentCounts);
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("PSI needs at least one value on each side.");
        }

        double psi = 0.0;
        for (int i = 0; i < referenceCounts.Length; i++)
        {
            double r = referenceCounts[i] / referenceTotal;
            double c = currentCounts[i] / currentTotal;
            if (r == 0)
            {
                r = EmptyBinProportion;
            }

            if (c == 0)
            {
                c = EmptyBinProportion;
            }

            psi += (c - r) * Math.Log(c / r);
        }

        return psi;
    }

    internal static double Total(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        return total;
    }
}
