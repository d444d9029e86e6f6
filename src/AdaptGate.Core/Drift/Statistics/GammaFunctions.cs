namespace AdaptGate.Core.Drift.Statistics;

/// <summary>
/// Log-gamma helpers ported from SciPy 1.10's Cephes: lgam (gamma.c), lgam1p and
/// lgam1p_taylor (unity.c) and the Lanczos sum lanczos_sum_expg_scaled (lanczos.c/.h,
/// Boost's lanczos13m53 approximation), all needed by the incomplete gamma functions.
/// </summary>
internal static class GammaFunctions
{
    /// <summary>lanczos_g of lanczos.h.</summary>
    public const double LanczosG = 6.024680040776729583740234375;

    private const double LogSqrt2Pi = 0.91893853320467274178;
    private const double LogPi = 1.14472988584940017414;
    private const double MaxLgam = 2.556348e305;

    private static readonly double[] A =
    [
        8.11614167470508450300E-4,
        -5.95061904284301438324E-4,
        7.93650340457716943945E-4,
        -2.77777777730099687205E-3,
        8.33333333333331927722E-2,
    ];

    private static readonly double[] B =
    [
        -1.37825152569120859100E3,
        -3.88016315134637840924E4,
        -3.31612992738871184744E5,
        -1.16237097492762307383E6,
        -1.72173700820839662146E6,
        -8.53555664245765465627E5,
    ];

    private static readonly double[] C =
    [
        -3.51815701436523470549E2,
        -1.70642106651881159223E4,
        -2.20528590553854454839E5,
        -1.13933444367982507207E6,
        -2.53252307177582951285E6,
        -2.01889141433532773231E6,
    ];

    private static readonly double[] LanczosSumExpgScaledNum =
    [
        0.006061842346248906525783753964555936883222,
        0.5098416655656676188125178644804694509993,
        19.51992788247617482847860966235652136208,
        449.9445569063168119446858607650988409623,
        6955.999602515376140356310115515198987526,
        75999.29304014542649875303443598909137092,
        601859.6171681098786670226533699352302507,
        3481712.15498064590882071018964774556468,
        14605578.08768506808414169982791359218571,
        43338889.32467613834773723740590533316085,
        86363131.28813859145546927288977868422342,
        103794043.1163445451906271053616070238554,
        56906521.91347156388090791033559122686859,
    ];

    private static readonly double[] LanczosSumExpgScaledDenom =
    [
        1, 66, 1925, 32670, 357423, 2637558, 13339535, 45995730, 105258076, 150917976, 120543840, 39916800, 0,
    ];

    // zeta(n, 1) for n = 2..41, the coefficients of lgam1p_taylor; values as SciPy's
    // scipy.special.zeta(n, 1) returns them.
    private static readonly double[] RiemannZeta =
    [
        1.6449340668482266, 1.202056903159594, 1.0823232337111381, 1.0369277551433704,
        1.0173430619844488, 1.008349277381923, 1.0040773561979446, 1.0020083928260826,
        1.0009945751278182, 1.0004941886041194, 1.0002460865533078, 1.0001227133475785,
        1.0000612481350586, 1.0000305882363072, 1.0000152822594084, 1.0000076371976376,
        1.000003817293265, 1.0000019082127163, 1.0000009539620338, 1.0000004769329867,
        1.0000002384505027, 1.000000119219926, 1.000000059608189, 1.0000000298035034,
        1.0000000149015549, 1.0000000074507118, 1.000000003725334, 1.0000000018626598,
        1.0000000009313275, 1.0000000004656628, 1.000000000232831, 1.0000000001164155,
        1.0000000000582077, 1.0000000000291038, 1.000000000014552, 1.000000000007276,
        1.000000000003638, 1.000000000001819, 1.0000000000009095, 1.0000000000004547,
    ];

    /// <summary>Cephes lgam: log|Gamma(x)|.</summary>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            return double.PositiveInfinity;
        }

        if (x < -34.0)
        {
            double q = -x;
            double w = LogGamma(q);
            double p = Math.Floor(q);
            if (p == q)
            {
                return double.PositiveInfinity;
            }

            double zz = q - p;
            if (zz > 0.5)
            {
                p += 1.0;
                zz = p - q;
            }

            zz = q * Math.Sin(Math.PI * zz);
            if (zz == 0.0)
            {
                return double.PositiveInfinity;
            }

            return LogPi - Math.Log(zz) - w;
        }

        if (x < 13.0)
        {
            double z = 1.0;
            double p = 0.0;
            double u = x;
            while (u >= 3.0)
            {
                p -= 1.0;
                u = x + p;
                z *= u;
            }

            while (u < 2.0)
            {
                if (u == 0.0)
                {
                    return double.PositiveInfinity;
                }

                z /= u;
                p += 1.0;
                u = x + p;
            }

            if (z < 0.0)
            {
                z = -z;
            }

            if (u == 2.0)
            {
                return Math.Log(z);
            }

            p -= 2.0;
            x += p;
            p = x * Polynomial.Evaluate(x, B, 5) / Polynomial.EvaluateMonic(x, C, 6);
            return Math.Log(z) + p;
        }

        if (x > MaxLgam)
        {
            return double.PositiveInfinity;
        }

        double qq = ((x - 0.5) * Math.Log(x)) - x + LogSqrt2Pi;
        if (x > 1.0e8)
        {
            return qq;
        }

        double pp = 1.0 / (x * x);
        if (x >= 1000.0)
        {
            qq += ((((7.9365079365079365079365e-4 * pp) - 2.7777777777777777777778e-3) * pp) + 0.0833333333333333333333) / x;
        }
        else
        {
            qq += Polynomial.Evaluate(pp, A, 4) / x;
        }

        return qq;
    }

    /// <summary>Cephes lgam1p: log(Gamma(1 + x)), accurate near x = 0 and x = 1.</summary>
    public static double LogGamma1p(double x)
    {
        if (Math.Abs(x) <= 0.5)
        {
            return LogGamma1pTaylor(x);
        }

        if (Math.Abs(x - 1) < 0.5)
        {
            return Math.Log(x) + LogGamma1pTaylor(x - 1);
        }

        return LogGamma(x + 1);
    }

    /// <summary>lanczos_sum_expg_scaled: the Lanczos sum scaled by exp(g).</summary>
    public static double LanczosSumExpgScaled(double x) =>
        Polynomial.EvaluateRational(x, LanczosSumExpgScaledNum, 12, LanczosSumExpgScaledDenom, 12);

    private static double LogGamma1pTaylor(double x)
    {
        if (x == 0)
        {
            return 0;
        }

        double res = -CephesConstants.Euler * x;
        double xfac = -x;
        for (int n = 2; n < 42; n++)
        {
            xfac *= -x;
            double coeff = RiemannZeta[n - 2] * xfac / n;
            res += coeff;
            if (Math.Abs(coeff) < CephesConstants.MachineEpsilon * Math.Abs(res))
            {
                break;
            }
        }

        return res;
    }
}
