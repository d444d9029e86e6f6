using AdaptGate.Core.Drift.Statistics;

namespace AdaptGate.Core.Drift;

/// <summary>
/// The two-sided two-sample Kolmogorov-Smirnov test, matching
/// scipy.stats.ks_2samp(a, b, alternative='two-sided', method='auto') in SciPy 1.10.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>SciPy's MAX_AUTO_N: 'auto' attempts the exact distribution when max(n, m) is at most this.</summary>
    public const int MaxExactSampleSize = 10000;

    /// <summary>
    /// D = sup |F_a - F_b| and its p-value. Inputs must be sorted ascending and NaN-free.
    /// D comes from one merge over both arrays, O(n + m). In the exact regime the returned D is
    /// SciPy's: rounded to the nearest multiple of 1/lcm(n, m).
    /// </summary>
    public static (double Statistic, double PValue) TwoSample(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        int n1 = sortedA.Length;
        int n2 = sortedB.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Data passed to the two-sample KS test must not be empty.");
        }

        double d = Statistic(sortedA, sortedB);

        if (Math.Max(n1, n2) <= MaxExactSampleSize)
        {
            if (TwoSampleKsExact.TryPValue(n1, n2, d, out double roundedD, out double exactP))
            {
                return (roundedD, Math.Clamp(exactP, 0.0, 1.0));
            }

            // SciPy warns and switches to 'asymp' with the lattice-rounded D.
            d = roundedD;
        }

        return (d, AsymptoticPValue(n1, n2, d));
    }

    /// <summary>
    /// SciPy's 'asymp' two-sided p-value: kstwo.sf(D, round(n·m/(n+m))), the exact one-sample
    /// distribution at the effective sample size (round half to even, as numpy.round).
    /// </summary>
    public static double AsymptoticPValue(int n1, int n2, double d)
    {
        double m = Math.Max((double)n1, n2);
        double n = Math.Min((double)n1, n2);
        double en = m * n / (m + n);
        int effective = (int)Math.Round(en, MidpointRounding.ToEven);
        return Math.Clamp(KolmogorovDistribution.Sf(d, effective), 0.0, 1.0);
    }

    /// <summary>
    /// max over all sample values v of |F_a(v) - F_b(v)| with right-continuous ECDFs
    /// (numpy.searchsorted side='right'), each difference formed as i/n1 - j/n2 exactly as
    /// SciPy forms cdf1 - cdf2, so D is bit-identical.
    /// </summary>
    public static double Statistic(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        int n1 = sortedA.Length;
        int n2 = sortedB.Length;
        double n1d = n1;
        double n2d = n2;
        int i = 0;
        int j = 0;
        double maxS = double.NegativeInfinity;
        double minS = double.PositiveInfinity;
        while (i < n1 || j < n2)
        {
            double v = i < n1 && (j >= n2 || sortedA[i] <= sortedB[j]) ? sortedA[i] : sortedB[j];
            while (i < n1 && sortedA[i] <= v)
            {
                i++;
            }

            while (j < n2 && sortedB[j] <= v)
            {
                j++;
            }

            double diff = (i / n1d) - (j / n2d);
            maxS = Math.Max(maxS, diff);
            minS = Math.Min(minS, diff);
        }

        double minClipped = Math.Clamp(-minS, 0, 1);
        return minClipped > maxS ? minClipped : maxS;
    }
}
