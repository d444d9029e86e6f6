using AdaptGate.Core.Drift.Statistics;

namespace AdaptGate.Core.Drift;

/// <summary>
/// Pearson's chi-squared test of homogeneity on the 2×k table of category counts, as
/// scipy.stats.chi2_contingency(table, correction=False) computes it: expected counts
/// row·col/total, statistic Σ (o − e)²/e, p = chi2.sf(stat, k − 1).
/// </summary>
public static class ChiSquareTest
{
    /// <summary>
    /// Tests two aligned count vectors (same categories, same order). Categories empty on both
    /// sides are dropped first (SciPy would reject their zero expected counts). With fewer than
    /// two remaining categories dof is 0 and, like SciPy, the result is (0, 1, 0).
    /// </summary>
    public static (double Statistic, double PValue, int Dof) Homogeneity(long[] a, long[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Both rows of the contingency table need the same categories.", nameof(b));
        }

        long rowA = 0;
        long rowB = 0;
        int k = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] < 0 || b[i] < 0)
            {
                throw new ArgumentException("Counts must be non-negative.");
            }

            rowA += a[i];
            rowB += b[i];
            if (a[i] + b[i] > 0)
            {
                k++;
            }
        }

        if (rowA == 0 || rowB == 0)
        {
            throw new ArgumentException("Each sample needs at least one counted value.");
        }

        int dof = k - 1;
        if (dof <= 0)
        {
            return (0.0, 1.0, 0);
        }

        long total = rowA + rowB;
        double totalD = total;

        // Row-major over the 2×k table, the order numpy flattens it in.
        double statistic = 0.0;
        foreach ((long row, long[] observed) in new[] { (rowA, a), (rowB, b) })
        {
            for (int i = 0; i < a.Length; i++)
            {
                long column = a[i] + b[i];
                if (column == 0)
                {
                    continue;
                }

                double expected = (double)((Int128)row * column) / totalD;
                double diff = observed[i] - expected;
                statistic += diff * diff / expected;
            }
        }

        return (statistic, ChiSquaredDistribution.Sf(statistic, dof), dof);
    }
}
