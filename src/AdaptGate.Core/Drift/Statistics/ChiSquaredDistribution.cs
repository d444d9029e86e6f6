namespace AdaptGate.Core.Drift.Statistics;

/// <summary>The chi-squared distribution's survival function, as scipy.stats.chi2.sf computes it.</summary>
public static class ChiSquaredDistribution
{
    /// <summary>
    /// P(X &gt; x) for X ~ chi2(dof): SciPy's chdtrc(dof, x) = igamc(dof/2, x/2). Returns 1 for
    /// x &lt;= 0 (rv_continuous.sf's value below the support) and NaN for dof &lt;= 0.
    /// </summary>
    public static double Sf(double x, double dof)
    {
        if (double.IsNaN(x) || double.IsNaN(dof) || dof <= 0)
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1.0;
        }

        return IncompleteGamma.UpperRegularized(dof / 2.0, x / 2.0);
    }
}
