using AdaptGate.Core.Drift.Statistics;

namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>Quantiles and tail areas of the standard normal distribution, from the erfc SciPy uses.</summary>
public static class NormalQuantile
{
    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => 0.5 * ErrorFunction.Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// The z with P(|Z| &lt;= z) = <paramref name="level"/> (1.959964 for 0.95), by bisection on the
    /// upper tail: it runs once per check, so exactness matters more than speed.
    /// </summary>
    public static double TwoSided(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A confidence level is between 0 and 1.");
        }

        var tail = (1 - level) / 2;
        double low = 0, high = 40;
        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var middle = (low + high) / 2;
            if (UpperTail(middle) > tail)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
