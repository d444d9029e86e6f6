namespace AdaptGate.Core.Drift;

/// <summary>
/// The exact null distribution of the two-sided two-sample KS statistic, ported from SciPy
/// 1.10's scipy/stats/_stats_py.py (_attempt_exact_2kssamp, _compute_prob_outside_square)
/// and _stats_pythran.py (_compute_outer_prob_inside_method, Hodges' inside method with
/// Viehmann's recursion for 1 - p). Both walk the (n, m) lattice keeping one sliding column,
/// so memory is O(min(n, m)) and time roughly O(n·m / lcm-spacing).
/// </summary>
internal static class TwoSampleKsExact
{
    /// <summary>
    /// _attempt_exact_2kssamp for alternative='two-sided'. D is rounded onto the lattice of
    /// multiples of 1/lcm(n1, n2), as SciPy does; the rounded D is returned even when the
    /// attempt fails (SciPy then feeds that D to the asymptotic distribution).
    /// </summary>
    public static bool TryPValue(int n1, int n2, double d, out double roundedD, out double pValue)
    {
        long g = Gcd(n1, n2);
        long lcm = (n1 / g) * n2;
        long h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        roundedD = h * 1.0 / lcm;
        if (h == 0)
        {
            pValue = 1.0;
            return true;
        }

        double prob = n1 == n2
            ? ProbabilityOutsideSquare(n1, h)
            : OuterProbabilityInsideMethod(n1, n2, g, h);

        pValue = prob;
        return prob is >= 0 and <= 1;
    }

    public static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>
    /// _compute_prob_outside_square: Pr(D_{n,n} &gt;= h/n) =
    /// 2 (C(2n, n-h) - C(2n, n-2h) + ...) / C(2n, n), in the Horner-like form
    /// 2 A0 (1 - A1 (1 - A2 (1 - ...))) that avoids subtractive cancellation.
    /// </summary>
    private static double ProbabilityOutsideSquare(long n, long h)
    {
        double p = 0.0;
        long k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            double p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k -= 1;
        }

        return 2 * p;
    }

    /// <summary>
    /// _compute_outer_prob_inside_method: the proportion of lattice paths from (0,0) to (m,n)
    /// that leave the band |x/m - y/n| &lt; h/lcm(m,n), computed column by column as 1 - p
    /// (Viehmann 2021) so small p-values keep their relative accuracy.
    /// </summary>
    private static double OuterProbabilityInsideMethod(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        long mg = m / g;
        long ng = n / g;

        long minj = 0;
        long maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        long curlen = maxj - minj;
        long lenA = Math.Min((2 * maxj) + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        for (long j = minj; j < maxj; j++)
        {
            a[j] = 0.0;
        }

        for (long i = 1; i <= m; i++)
        {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.Max((long)Math.Floor((double)((ng * i) - h) / mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling((double)((ng * i) + h) / mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                long j = jj + minj;
                val = ((a[jj + minj - lastminj] * i) + (val * j)) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                // Carried-over elements beyond the new window revert to 1.
                long from = maxj - minj;
                long to = Math.Min(from + (lastlen - curlen), lenA);
                for (long j = from; j < to; j++)
                {
                    a[j] = 1;
                }
            }
        }

        return a[maxj - minj - 1];
    }
}
