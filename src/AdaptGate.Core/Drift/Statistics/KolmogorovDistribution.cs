namespace AdaptGate.Core.Drift.Statistics;

/// <summary>
/// The exact two-sided one-sample Kolmogorov-Smirnov distribution of D_n, a port of SciPy
/// 1.10's scipy/stats/_ksstats.py (kolmogn), which scipy.stats.kstwo uses. Like SciPy it
/// follows Simard and L'Ecuyer (2011) in choosing between Ruben-Gambino closed forms, the
/// Durbin matrix (Marsaglia-Tsang-Wang), the Pomeranz recursion, the Pelz-Good asymptotic
/// series and 2 * smirnov(n, x) for the upper tail.
/// </summary>
/// <remarks>
/// SciPy keeps a few scaled intermediates in numpy longdouble; these are exact power-of-two
/// rescalings, so plain doubles reproduce its results to within rounding.
/// </remarks>
public static class KolmogorovDistribution
{
    private const int E128 = 128;
    private static readonly double EP128 = Math.ScaleB(1.0, E128);
    private static readonly double EM128 = Math.ScaleB(1.0, -E128);
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private const double MinLog = -708;
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private const double PiSquared = Math.PI * Math.PI;
    private const double PiFour = PiSquared * PiSquared;
    private const double PiSix = PiFour * PiSquared;

    // Bernoulli-number coefficients B_{2j}/(2j)/(2j-1), j = 8..1, of Stirling's series.
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>scipy.stats.kstwo.sf(d, n): P(D_n &gt;= d).</summary>
    public static double Sf(double d, int n) => Kolmogn(n, d, cdf: false);

    /// <summary>scipy.stats.kstwo.cdf(d, n): P(D_n &lt;= d).</summary>
    public static double Cdf(double d, int n) => Kolmogn(n, d, cdf: true);

    /// <summary>_kolmogn: CDF or SF of the two-sided statistic (Simard and L'Ecuyer's method choice).</summary>
    private static double Kolmogn(int n, double x, bool cdf)
    {
        if (n <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 1.0)
        {
            return Select(1.0, 0.0, cdf);
        }

        if (x <= 0.0)
        {
            return Select(0.0, 1.0, cdf);
        }

        double t = n * x;
        if (t <= 1.0)
        {
            // Ruben-Gambino: 1/2n <= x <= 1/n.
            if (t <= 0.5)
            {
                return Select(0.0, 1.0, cdf);
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                double twoTMinusOne = (2 * t) - 1;
                double oneOverN = 1.0 / n;
                for (int i = 1; i <= n; i++)
                {
                    prob *= i * oneOverN * twoTMinusOne;
                }
            }
            else
            {
                prob = Math.Exp(LogNFactorialDivNPowN(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Select(prob, 1.0 - prob, cdf);
        }

        if (t >= n - 1)
        {
            // Ruben-Gambino.
            double prob = 2 * Math.Pow(1.0 - x, n);
            return Select(1 - prob, prob, cdf);
        }

        if (x >= 0.5)
        {
            // Exact: 2 * smirnov.
            double prob = 2 * SmirnovDistribution.Sf(n, x);
            return Select(1.0 - prob, prob, cdf);
        }

        double nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                double p = DurbinMatrixCdf(n, x);
                return Select(p, 1.0 - p, cdf);
            }

            if (nxSquared <= 4)
            {
                double p = PomeranzCdf(n, x);
                return Select(p, 1.0 - p, cdf);
            }

            // Miller's approximation: 2 * smirnov.
            double prob = 2 * SmirnovDistribution.Sf(n, x);
            return Select(1.0 - prob, prob, cdf);
        }

        // The CDF and SF have different cutoffs on n x^2.
        if (!cdf)
        {
            if (nxSquared >= 370.0)
            {
                return 0.0;
            }

            if (nxSquared >= 2.2)
            {
                return Clip(2 * SmirnovDistribution.Sf(n, x));
            }
        }

        double cdfProb;
        if (nxSquared >= 18.0)
        {
            cdfProb = 1.0;
        }
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdfProb = DurbinMatrixCdf(n, x);
        }
        else
        {
            cdfProb = PelzGoodCdf(n, x);
        }

        return Select(cdfProb, 1.0 - cdfProb, cdf);
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);

    private static double Select(double cdfProb, double sfProb, bool cdf) => Clip(cdf ? cdfProb : sfProb);

    /// <summary>_log_nfactorial_div_n_pow_n: log(n!/n^n) by Stirling without cancellation.</summary>
    private static double LogNFactorialDivNPowN(int n)
    {
        double rn = 1.0 / n;
        double x = rn / n;
        double poly = 0.0;
        foreach (double c in StirlingCoefficients)
        {
            poly = (poly * x) + c;
        }

        return (Math.Log(n) / 2) - n + (Log2Pi / 2) + (rn * poly);
    }

    /// <summary>
    /// _kolmogn_DMTW: Pr(D_n &lt;= d) by Durbin's matrix algorithm as organised by Marsaglia,
    /// Tsang and Wang: the k-th diagonal entry of (n!/n^n) H^n, with power-of-two rescaling.
    /// </summary>
    private static double DurbinMatrixCdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        double nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = (2 * k) - 1;

        var v = new double[m];
        var w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }

        double tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * fac;

        var hm = new double[m * m];
        for (int i = 1; i < m; i++)
        {
            for (int r = i - 1; r < m; r++)
            {
                hm[(r * m) + i] = w[r - (i - 1)];
            }
        }

        for (int r = 0; r < m; r++)
        {
            hm[r * m] = v[r];
        }

        for (int c = 0; c < m; c++)
        {
            hm[((m - 1) * m) + c] = v[m - 1 - c];
        }

        var hpwr = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            hpwr[(i * m) + i] = 1.0;
        }

        var scratch = new double[m * m];
        int nn = n;
        int expnt = 0;
        int hexpnt = 0;
        while (nn > 0)
        {
            if (nn % 2 != 0)
            {
                MatrixMultiply(hpwr, hm, scratch, m);
                (hpwr, scratch) = (scratch, hpwr);
                expnt += hexpnt;
            }

            MatrixMultiply(hm, hm, scratch, m);
            (hm, scratch) = (scratch, hm);
            hexpnt *= 2;
            if (Math.Abs(hm[((k - 1) * m) + k - 1]) > EP128)
            {
                for (int i = 0; i < hm.Length; i++)
                {
                    hm[i] /= EP128;
                }

                hexpnt += E128;
            }

            nn /= 2;
        }

        double p = hpwr[((k - 1) * m) + k - 1];

        // Multiply by n!/n^n.
        for (int i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < EM128)
            {
                p *= EP128;
                expnt -= E128;
            }
        }

        if (expnt != 0)
        {
            p = Math.ScaleB(p, expnt);
        }

        return Clip(p);
    }

    private static void MatrixMultiply(double[] a, double[] b, double[] result, int m)
    {
        for (int i = 0; i < m; i++)
        {
            int rowA = i * m;
            for (int j = 0; j < m; j++)
            {
                double sum = 0.0;
                for (int l = 0; l < m; l++)
                {
                    sum += a[rowA + l] * b[(l * m) + j];
                }

                result[rowA + j] = sum;
            }
        }
    }

    /// <summary>_pomeranz_compute_j1j2: the endpoints of the non-zero window of row i.</summary>
    private static (int J1, int J2) PomeranzWindow(int i, int n, int ll, int ceilf, int roundf)
    {
        int j1;
        int j2;
        if (i == 0)
        {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        }
        else
        {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0)
            {
                if (ip1div2 == n + 1)
                {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                }
                else
                {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            }
            else
            {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>
    /// _kolmogn_Pomeranz: Pr(D_n &lt;= d) by Pomeranz's recursion (1974); each row is the
    /// previous row convolved with truncated Poisson weights, two rows kept, rescaled on underflow.
    /// </summary>
    private static double PomeranzCdf(int n, double x)
    {
        double t = n * x;
        int ll = (int)Math.Floor(t);
        double f = 1.0 * (t - ll);
        double g = Math.Min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        var gpower = new double[npwrs];
        var twogpower = new double[npwrs];
        var onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (int m = 1; m < npwrs; m++)
        {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;

        (int j1, int j2) = PomeranzWindow(0, n, ll, ceilf, roundf);
        for (int i = 1; i < (2 * n) + 2; i++)
        {
            int k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = PomeranzWindow(i, n, ll, ceilf, roundf);
            double[] pwrs = i == 1 || i == (2 * n) + 1 ? gpower : (i % 2 != 0 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                // conv = numpy.convolve(V0[k1-V0s : k1-V0s+ln2], pwrs[:ln2]); only the
                // entries conv[j1-k1 .. j2-k1] are used. numpy slicing truncates at the end.
                int aStart = k1 - v0s;
                int aLen = Math.Min(ln2, npwrs - aStart);
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double maxV1 = 0.0;
                for (int c = 0; c < convLen; c++)
                {
                    int kk = convStart + c;
                    double sum = 0.0;
                    int iLo = Math.Max(0, kk - (ln2 - 1));
                    int iHi = Math.Min(aLen - 1, kk);
                    for (int ii = iLo; ii <= iHi; ii++)
                    {
                        sum += v0[aStart + ii] * pwrs[kk - ii];
                    }

                    v1[c] = sum;
                    maxV1 = Math.Max(maxV1, sum);
                }

                // Scale to avoid underflow.
                if (maxV1 > 0 && maxV1 < EM128)
                {
                    for (int c = 0; c < npwrs; c++)
                    {
                        v1[c] *= EP128;
                    }

                    expnt -= E128;
                }

                v1s = v0s + j1 - k1;
            }
        }

        // Multiply by n!.
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++)
        {
            if (Math.Abs(ans) > EP128)
            {
                ans *= EM128;
                expnt += E128;
            }

            ans *= m;
        }

        if (expnt != 0)
        {
            ans = Math.ScaleB(ans, expnt);
        }

        return Clip(ans);
    }

    /// <summary>
    /// _kolmogn_PelzGood: the Pelz-Good (1976) approximation to Pr(D_n &lt;= x), the
    /// Li-Chien/Korolyuk expansion K0 + K1/sqrt(n) + K2/n + K3/n^1.5 rewritten with Jacobi
    /// theta functions for small z = x sqrt(n).
    /// </summary>
    private static double PelzGoodCdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        double z = Math.Sqrt(n) * x;
        double zsquared = z * z;
        double zthree = z * z * z;
        double zfour = Math.Pow(z, 4);
        double zsix = Math.Pow(z, 6);

        double qlog = -PiSquared / 8 / zsquared;
        if (qlog < MinLog)
        {
            return 0.0;
        }

        double q = Math.Exp(qlog);

        double k1a = -zsquared;
        double k1b = PiSquared / 4;

        double k2a = (6 * zsix) + (2 * zfour);
        double k2b = ((2 * zfour) - (5 * zsquared)) * PiSquared / 4;
        double k2c = PiFour * (1 - (2 * zsquared)) / 16;

        double k3d = PiSix * (5 - (30 * zsquared)) / 64;
        double k3c = PiFour * ((-60 * zsquared) + (212 * zfour)) / 16;
        double k3b = PiSquared * ((135 * zfour) - (96 * zsix)) / 4;
        double k3a = (-30 * zsix) - (90 * Math.Pow(z, 8));

        double k0 = 0;
        double kk1 = 0;
        double kk2 = 0;
        double kk3 = 0;

        // Horner scheme for sum c_i q^(i^2), reduced to a sum over odd integers.
        int maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--)
        {
            double m = (2 * k) - 1;
            double msquared = m * m;
            double mfour = Math.Pow(m, 4);
            double msix = Math.Pow(m, 6);
            double qpower = Math.Pow(q, 8 * k);
            k0 = (k0 * qpower) + 1.0;
            kk1 = (kk1 * qpower) + (k1a + (k1b * msquared));
            kk2 = (kk2 * qpower) + (k2a + (k2b * msquared) + (k2c * mfour));
            kk3 = (kk3 * qpower) + (k3a + (k3b * msquared) + (k3c * mfour) + (k3d * msix));
        }

        k0 = k0 * q * Sqrt2Pi;
        kk1 = kk1 * q * Sqrt2Pi;
        kk2 = kk2 * q * Sqrt2Pi;
        kk3 = kk3 * q * Sqrt2Pi;
        k0 /= z;
        kk1 /= 6 * zfour;
        kk2 /= 72 * Math.Pow(z, 7);
        kk3 /= 6480 * Math.Pow(z, 10);

        // The remaining sums over all integers k (little cancellation, direct evaluation).
        q = Math.Exp(-PiSquared / 2 / zsquared);
        double sqrt3z = Sqrt3 * z;
        double k2extra = 0;
        double k3extra = 0;
        for (int k = maxk; k > 0; k--)
        {
            double ksquared = (double)k * k;
            double qpwr = Math.Pow(q, ksquared);
            double kspi = Math.PI * k;
            k2extra += ksquared * qpwr;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwr;
        }

        k2extra *= PiSquared * Sqrt2Pi / (-36 * zthree);
        kk2 += k2extra;
        k3extra *= PiSquared * Sqrt2Pi / (216 * zsix);
        kk3 += k3extra;

        kk1 /= Math.Pow(n * 1.0, 0.5);
        kk2 /= Math.Pow(n * 1.0, 1.0);
        kk3 /= Math.Pow(n * 1.0, 1.5);
        return k0 + kk1 + kk2 + kk3;
    }
}
