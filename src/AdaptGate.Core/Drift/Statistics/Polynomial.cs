namespace AdaptGate.Core.Drift.Statistics;

/// <summary>
/// Polynomial and rational evaluation in the exact operation order of Cephes' polevl.h
/// (polevl, p1evl, ratevl), so ported special functions round the way SciPy's do.
/// </summary>
internal static class Polynomial
{
    /// <summary>Cephes polevl: coef[0]*x^n + ... + coef[n], Horner form.</summary>
    public static double Evaluate(double x, ReadOnlySpan<double> coef, int n)
    {
        double ans = coef[0];
        for (int i = 1; i <= n; i++)
        {
            ans = (ans * x) + coef[i];
        }

        return ans;
    }

    /// <summary>Cephes p1evl: like polevl with an implied leading coefficient of 1 (coef has n entries).</summary>
    public static double EvaluateMonic(double x, ReadOnlySpan<double> coef, int n)
    {
        double ans = x + coef[0];
        for (int i = 1; i < n; i++)
        {
            ans = (ans * x) + coef[i];
        }

        return ans;
    }

    /// <summary>
    /// Cephes ratevl: num(x)/denom(x) with degrees m and n; for |x| &gt; 1 both are evaluated
    /// as polynomials in 1/x (coefficients reversed) to avoid overflow.
    /// </summary>
    public static double EvaluateRational(double x, ReadOnlySpan<double> num, int m, ReadOnlySpan<double> denom, int n)
    {
        double absx = Math.Abs(x);
        double y;
        double numAns;
        double denomAns;
        if (absx > 1)
        {
            y = 1 / x;
            numAns = num[m];
            for (int i = m - 1; i >= 0; i--)
            {
                numAns = (numAns * y) + num[i];
            }

            denomAns = denom[n];
            for (int i = n - 1; i >= 0; i--)
            {
                denomAns = (denomAns * y) + denom[i];
            }

            return Math.Pow(x, n - m) * numAns / denomAns;
        }

        y = x;
        numAns = num[0];
        for (int i = 1; i <= m; i++)
        {
            numAns = (numAns * y) + num[i];
        }

        denomAns = denom[0];
        for (int i = 1; i <= n; i++)
        {
            denomAns = (denomAns * y) + denom[i];
        }

        return numAns / denomAns;
    }
}
