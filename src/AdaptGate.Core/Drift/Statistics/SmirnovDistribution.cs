namespace AdaptGate.Core.Drift.Statistics;

/// <summary>
/// The one-sided Kolmogorov-Smirnov (Smirnov) distribution's survival function
/// P(D+_n &gt;= x), a port of SciPy 1.10's cephes/kolmogorov.c (_smirnov): Birnbaum and
/// Tingey's finite sum evaluated in double-double arithmetic with the binomial coefficient
/// kept as mantissa and exponent (van Mulbregt 2018). kolmogn uses 2 * smirnov(n, x) for the
/// far upper tail of the two-sided distribution, so this is where tiny KS p-values come from.
/// Only the survival function is ported (SciPy computes CDF and PDF alongside it).
/// </summary>
internal static class SmirnovDistribution
{
    private const int MaxComputeN = 1000000;
    private const int UpperSumMaxTerms = 3;
    private const int UpperSumMinN = 10;

    // _MAX_EXPONENT: keep both words of a double-double normalized while scaling powers.
    private const int MaxExponent = 960;
    private const double Ln2 = 0.693147180559945309417232121458176568;

    /// <summary>scipy.special.smirnov(n, x): P(D+_n &gt;= x).</summary>
    public static double Sf(int n, double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        double alpha = ModNX(n, x, out int nxfl, out _);
        int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        int n1mxceil = n - nxfl;

        // If alpha is 0, the last term belongs in neither the lower nor the upper sum.
        if (alpha == 0)
        {
            n1mxfl -= 1;
            n1mxceil += 1;
        }

        // Special case: x <= 1/n.
        if (nxfl == 0 || (nxfl == 1 && alpha == 0))
        {
            double t = Pow2(1, x, n - 1);
            double cdf = x * t;
            return Clip01(1 - cdf);
        }

        // Special case: x is so big that the survival function underflows.
        if (-2 * n * x * x < CephesConstants.MinLog)
        {
            return 0;
        }

        // Special case: x >= 1 - 1/n.
        if (nxfl >= n - 1)
        {
            return Clip01(Pow2(1, -x, n));
        }

        // Special case: n too large to sum; p ~ exp(-(6nx+1)^2 / 18n).
        if (n > MaxComputeN)
        {
            double logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            double sfApprox = logp < -Ln2 ? Math.Exp(logp) : 1 - -Unity.Expm1(logp);
            return Clip01(sfApprox);
        }

        // Use the upper sum when few of its (alternating, large) terms are needed.
        int nUpperTerms = n - n1mxceil + 1;
        bool useUpperSum = nUpperTerms <= 1 && x < 0.5;
        useUpperSum = useUpperSum
            || (n >= UpperSumMinN && nUpperTerms <= UpperSumMaxTerms && x <= 0.5 / Math.Sqrt(n));

        int start = 0;
        int step = 1;
        int nTerms = n1mxfl + 1;
        int vmid = n / 2;
        DoubleDouble cman = DoubleDouble.One;
        int cexpt = 0;
        DoubleDouble aj;
        if (useUpperSum)
        {
            start = n;
            step = -1;
            nTerms = n - n1mxceil + 1;
            aj = Pow4(1, x, 1, 0, n - 1);
        }
        else
        {
            DoubleDouble t2 = Pow4(1, -x, 1, 0, n);
            aj = t2 / x;
        }

        DoubleDouble ajSum = DoubleDouble.Zero + aj;
        UpdateBinomial(ref cman, ref cexpt, n, 0);

        for (int j = 1; j < nTerms; j++)
        {
            int v = start + (j * step);
            aj = ComputeAv(n, x, v, cman, cexpt);
            if (aj.IsFinite && !aj.IsZero)
            {
                ajSum += aj;
            }

            // Safe to terminate early?
            if (!aj.IsZero)
            {
                if ((4 * (nTerms - j) * Math.Abs(aj.Hi) < DblEpsilon * ajSum.Hi) && j != nTerms - 1)
                {
                    break;
                }
            }
            else if (j > vmid)
            {
                break;
            }

            UpdateBinomial(ref cman, ref cexpt, n, j);
        }

        double prob = (x * ajSum).Hi;
        double sf = step < 0 ? 1 - prob : prob;
        return Clip01(sf);
    }

    // C's DBL_EPSILON (2^-52); not .NET's double.Epsilon, which is the smallest denormal.
    private const double DblEpsilon = 2.220446049250313e-16;

    private static double Clip01(double p) => p < 0 ? 0 : Math.Min(p, 1);

    /// <summary>modNX: floor(n*x) and the fractional part, computed exactly in double-double.</summary>
    private static double ModNX(int n, double x, out int nxFloor, out double nx)
    {
        DoubleDouble nxD = DoubleDouble.Multiply(n, x);
        DoubleDouble nxFloorD = nxD.Floor();
        DoubleDouble alphaD = nxD - nxFloorD;
        double alpha = alphaD.Hi;
        nxFloor = (int)nxFloorD.Hi;
        if (alpha == 1)
        {
            nxFloor += 1;
            alpha = 0;
        }

        nx = nxD.Hi;
        return alpha;
    }

    /// <summary>updateBinomial: C(n, j+1) from C(n, j) as (double-double mantissa, int exponent).</summary>
    private static void UpdateBinomial(ref DoubleDouble cman, ref int cexpt, int n, int j)
    {
        DoubleDouble rat = DoubleDouble.Divide(n - j, j + 1.0);
        DoubleDouble man2 = cman * rat;
        man2 = man2.Frexp(out int expt);
        cexpt += expt;
        cman = man2;
    }

    /// <summary>pow_D: a^m trading a little accuracy for speed (pow of the high word, corrected).</summary>
    private static DoubleDouble PowD(DoubleDouble a, int m)
    {
        if (m <= 0)
        {
            if (m == 0)
            {
                return DoubleDouble.One;
            }

            return PowD(a, -m).Inverse();
        }

        if (a.IsZero)
        {
            return DoubleDouble.Zero;
        }

        double ans = Math.Pow(a.Hi, m);
        double r = a.Lo / a.Hi;
        double adj = m * r;
        if (Math.Abs(adj) > 1e-8)
        {
            if (Math.Abs(adj) < 1e-4)
            {
                // First two terms of the Taylor series of (1+r)^m.
                adj += m * r * ((m - 1) / 2.0 * r);
            }
            else
            {
                adj = Unity.Expm1(m * Unity.Log1p(r));
            }
        }

        return DoubleDouble.Add(ans, ans * adj);
    }

    private static double Pow2(double a, double b, int m) => PowD(DoubleDouble.Add(a, b), m).Hi;

    /// <summary>pow2Scaled_D: a^m as (mantissa, exponent) so huge and tiny powers stay representable.</summary>
    private static DoubleDouble Pow2Scaled(DoubleDouble a, int m, out int exponent)
    {
        if (m <= 0)
        {
            if (m == 0)
            {
                exponent = 0;
                return DoubleDouble.One;
            }

            DoubleDouble inv = Pow2Scaled(a, -m, out int aE1);
            DoubleDouble res = inv.Inverse().Frexp(out int aE2);
            exponent = -aE1 + aE2;
            return res;
        }

        DoubleDouble y = a.Frexp(out int yE);
        if (m == 1)
        {
            exponent = yE;
            return y;
        }

        int maxExpt = MaxExponent;

        // Quick check whether the exponentiation must be broken up.
        if (m * (y.Hi - 1) / y.Hi < -MaxExponent * Ln2)
        {
            double lg2y = Math.Log(y.Hi) / Ln2;
            double lgAns = m * lg2y;
            if (lgAns <= -MaxExponent)
            {
                maxExpt = (int)(NextPowerOf2((-MaxExponent / lg2y) + 1) / 2);
            }
        }

        if (m <= maxExpt)
        {
            DoubleDouble ans1 = PowD(y, m);
            DoubleDouble ans = ans1.Frexp(out int ansE);
            exponent = ansE + (m * yE);
            return ans;
        }

        int q = m / maxExpt;
        int r = m % maxExpt;

        // y^m = (y^maxExpt)^q * y^r
        DoubleDouble y2r = Pow2Scaled(y, r, out int y2rE);
        DoubleDouble y2m = Pow2Scaled(y, maxExpt, out int y2mE);
        DoubleDouble y2mq = Pow2Scaled(y2m, q, out int y2mqE);
        DoubleDouble result = (y2r * y2mq).Frexp(out int resultE);
        y2mqE += y2mE * q;
        resultE += y2mqE + y2rE;
        resultE += m * yE;
        exponent = resultE;
        return result;
    }

    /// <summary>nextPowerOf2 of kolmogorov.c (its rounding quirks included).</summary>
    private static double NextPowerOf2(double x)
    {
        double q = Math.ScaleB(x, 1 - 53);
        double l = Math.Abs(q + x);
        if (l == 0)
        {
            l = Math.Abs(x);
        }
        else
        {
            int lint = (int)l;
            if (lint == l)
            {
                l = lint;
            }
        }

        return l;
    }

    /// <summary>pow4_D: ((a+b)/(c+d))^m in double-double.</summary>
    private static DoubleDouble Pow4(double a, double b, double c, double d, int m)
    {
        if (m <= 0)
        {
            if (m == 0)
            {
                return DoubleDouble.One;
            }

            return Pow4(c, d, a, b, -m);
        }

        DoubleDouble aa = DoubleDouble.Add(a, b);
        DoubleDouble cc = DoubleDouble.Add(c, d);
        if (aa.IsZero)
        {
            return cc.IsZero ? new DoubleDouble(double.NaN, double.NaN) : DoubleDouble.Zero;
        }

        if (cc.IsZero)
        {
            return aa.Hi < 0 ? new DoubleDouble(double.NegativeInfinity, 0) : new DoubleDouble(double.PositiveInfinity, 0);
        }

        return PowD(aa / cc, m);
    }

    /// <summary>computeAv: A_v(n, x) = C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1).</summary>
    private static DoubleDouble ComputeAv(int n, double x, int v, DoubleDouble cman, int cexpt)
    {
        DoubleDouble t2x = DoubleDouble.Divide(n - v, n) - x;
        DoubleDouble t2 = Pow2Scaled(t2x, n - v, out int t2E);
        DoubleDouble t1x = DoubleDouble.Divide(v, n) + x;
        DoubleDouble t1 = Pow2Scaled(t1x, v - 1, out int t1E);
        DoubleDouble ans = t1 * t2;
        ans *= cman;
        int ansE = cexpt + t1E + t2E;
        return ans.ScaleB(ansE);
    }
}
