namespace AdaptGate.Core.Drift.Statistics;

/// <summary>
/// Ports of Cephes unity.c as shipped in SciPy 1.10 (log1p, expm1, log1pmx). .NET's
/// double.LogP1/ExpM1 are computed as Log(1+x)/Exp(x)-1 and lose all precision near 0,
/// which the incomplete gamma and Smirnov code paths depend on.
/// </summary>
internal static class Unity
{
    private static readonly double[] LP =
    [
        4.5270000862445199635215E-5,
        4.9854102823193375972212E-1,
        6.5787325942061044846969E0,
        2.9911919328553073277375E1,
        6.0949667980987787057556E1,
        5.7112963590585538103336E1,
        2.0039553499201281259648E1,
    ];

    private static readonly double[] LQ =
    [
        1.5062909083469192043167E1,
        8.3047565967967209469434E1,
        2.2176239823732856465394E2,
        3.0909872225312059774938E2,
        2.1642788614495947685003E2,
        6.0118660497603843919306E1,
    ];

    private static readonly double[] EP =
    [
        1.2617719307481059087798E-4,
        3.0299440770744196129956E-2,
        9.9999999999999999991025E-1,
    ];

    private static readonly double[] EQ =
    [
        3.0019850513866445504159E-6,
        2.5244834034968410419224E-3,
        2.2726554820815502876593E-1,
        2.0000000000000000000897E0,
    ];

    private const double Sqrt1Over2 = 0.707106781186547524400844362104849039;
    private const double Sqrt2 = 1.41421356237309504880168872420969808;
    private const int MaxIterations = 500;

    /// <summary>Cephes log1p: log(1 + x), accurate for small x.</summary>
    public static double Log1p(double x)
    {
        double z = 1.0 + x;
        if (z < Sqrt1Over2 || z > Sqrt2)
        {
            return Math.Log(z);
        }

        z = x * x;
        z = (-0.5 * z) + (x * (z * Polynomial.Evaluate(x, LP, 6) / Polynomial.EvaluateMonic(x, LQ, 6)));
        return x + z;
    }

    /// <summary>Cephes expm1: exp(x) - 1, accurate for small x.</summary>
    public static double Expm1(double x)
    {
        if (!double.IsFinite(x))
        {
            if (double.IsNaN(x))
            {
                return x;
            }

            return x > 0 ? x : -1.0;
        }

        if (x < -0.5 || x > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        double xx = x * x;
        double r = x * Polynomial.Evaluate(xx, EP, 2);
        r /= Polynomial.Evaluate(xx, EQ, 3) - r;
        return r + r;
    }

    /// <summary>Cephes log1pmx: log(1 + x) - x, by its Taylor series when |x| &lt; 0.5.</summary>
    public static double Log1pmx(double x)
    {
        if (Math.Abs(x) < 0.5)
        {
            double xfac = x;
            double res = 0;
            for (int n = 2; n < MaxIterations; n++)
            {
                xfac *= -x;
                double term = xfac / n;
                res += term;
                if (Math.Abs(term) < CephesConstants.MachineEpsilon * Math.Abs(res))
                {
                    break;
                }
            }

            return res;
        }

        return Log1p(x) - x;
    }
}
