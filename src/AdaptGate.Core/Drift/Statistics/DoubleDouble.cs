namespace AdaptGate.Core.Drift.Statistics;

/// <summary>
/// Double-double arithmetic (an unevaluated sum Hi + Lo), the subset of the QD library's
/// dd_real that SciPy's cephes/kolmogorov.c uses for the one-sided Smirnov distribution.
/// Products use a fused multiply-add for the exact error term, which is what QD's DD_FMS
/// path computes (the two_split fallback gives the same exact error).
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble Zero = new(0.0, 0.0);
    public static readonly DoubleDouble One = new(1.0, 0.0);

    public bool IsZero => Hi == 0.0;

    public bool IsFinite => double.IsFinite(Hi);

    public static DoubleDouble FromDouble(double a) => new(a, 0.0);

    /// <summary>dd_add_d_d: exact a + b.</summary>
    public static DoubleDouble Add(double a, double b)
    {
        double s = TwoSum(a, b, out double e);
        return new DoubleDouble(s, e);
    }

    /// <summary>dd_sub_d_d: exact a - b.</summary>
    public static DoubleDouble Subtract(double a, double b)
    {
        double s = TwoDiff(a, b, out double e);
        return new DoubleDouble(s, e);
    }

    /// <summary>dd_mul_d_d: exact a * b.</summary>
    public static DoubleDouble Multiply(double a, double b)
    {
        double p = TwoProduct(a, b, out double e);
        return new DoubleDouble(p, e);
    }

    /// <summary>dd_ieee_add: IEEE-style double-double addition (Briggs and Kahan).</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        double s1 = TwoSum(a.Hi, b.Hi, out double s2);
        double t1 = TwoSum(a.Lo, b.Lo, out double t2);
        s2 += t1;
        s1 = QuickTwoSum(s1, s2, out s2);
        s2 += t2;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>dd_sub: a + (-b).</summary>
    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    /// <summary>dd_add_dd_d.</summary>
    public static DoubleDouble operator +(DoubleDouble a, double b)
    {
        double s1 = TwoSum(a.Hi, b, out double s2);
        s2 += a.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    /// <summary>dd_sub_dd_d.</summary>
    public static DoubleDouble operator -(DoubleDouble a, double b)
    {
        double s1 = TwoSum(a.Hi, -b, out double s2);
        s2 += a.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    /// <summary>dd_sub_d_dd.</summary>
    public static DoubleDouble operator -(double a, DoubleDouble b)
    {
        double s1 = TwoSum(a, -b.Hi, out double s2);
        s2 -= b.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    /// <summary>dd_mul.</summary>
    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p1 = TwoProduct(a.Hi, b.Hi, out double p2);
        p2 += (a.Hi * b.Lo) + (a.Lo * b.Hi);
        p1 = QuickTwoSum(p1, p2, out p2);
        return new DoubleDouble(p1, p2);
    }

    /// <summary>dd_mul_dd_d.</summary>
    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        double p1 = TwoProduct(a.Hi, b, out double e1);
        double p2 = TwoProduct(a.Lo, b, out double e2);
        p1 = QuickTwoSum(p1, e2 + p2 + e1, out e1);
        return new DoubleDouble(p1, e1);
    }

    /// <summary>dd_mul_d_dd.</summary>
    public static DoubleDouble operator *(double a, DoubleDouble b)
    {
        double p1 = TwoProduct(a, b.Hi, out double e1);
        double p2 = TwoProduct(a, b.Lo, out double e2);
        p1 = QuickTwoSum(p1, e2 + p2 + e1, out e1);
        return new DoubleDouble(p1, e1);
    }

    /// <summary>dd_accurate_div (used by dd_div and all its mixed forms).</summary>
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - (b * q1);
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        q1 = QuickTwoSum(q1, q2, out q2);
        return new DoubleDouble(q1, q2) + q3;
    }

    public static DoubleDouble operator /(DoubleDouble a, double b) => a / FromDouble(b);

    public static DoubleDouble operator /(double a, DoubleDouble b) => FromDouble(a) / b;

    /// <summary>dd_div_d_d.</summary>
    public static DoubleDouble Divide(double a, double b) => FromDouble(a) / FromDouble(b);

    /// <summary>dd_inv.</summary>
    public DoubleDouble Inverse() => One / this;

    /// <summary>dd_floor.</summary>
    public DoubleDouble Floor()
    {
        double hi = Math.Floor(Hi);
        double lo = 0.0;
        if (hi == Hi)
        {
            lo = Math.Floor(Lo);
            hi = QuickTwoSum(hi, lo, out lo);
        }

        return new DoubleDouble(hi, lo);
    }

    /// <summary>dd_ldexp: this * 2^exponent.</summary>
    public DoubleDouble ScaleB(int exponent) => new(Math.ScaleB(Hi, exponent), Math.ScaleB(Lo, exponent));

    /// <summary>
    /// dd_frexp: mantissa m and exponent e with this = m * 2^e, 0.5 &lt;= |m.Hi| &lt; 1
    /// (or |m.Hi| == 1 when the low word has the opposite sign).
    /// </summary>
    public DoubleDouble Frexp(out int exponent)
    {
        double man = Frexp(Hi, out exponent);
        double b1 = Math.ScaleB(Lo, -exponent);
        if (Math.Abs(man) == 0.5 && man * b1 < 0)
        {
            man *= 2;
            b1 *= 2;
            exponent -= 1;
        }

        return new DoubleDouble(man, b1);
    }

    /// <summary>C's frexp: x = m * 2^e with 0.5 &lt;= |m| &lt; 1 (m = x for 0, inf, NaN).</summary>
    public static double Frexp(double x, out int exponent)
    {
        if (x == 0.0 || !double.IsFinite(x))
        {
            exponent = 0;
            return x;
        }

        exponent = Math.ILogB(x) + 1;
        return Math.ScaleB(x, -exponent);
    }

    private static double QuickTwoSum(double a, double b, out double err)
    {
        double s = a + b;
        err = b - (s - a);
        return s;
    }

    private static double TwoSum(double a, double b, out double err)
    {
        double s = a + b;
        double bb = s - a;
        err = (a - (s - bb)) + (b - bb);
        return s;
    }

    private static double TwoDiff(double a, double b, out double err)
    {
        double s = a - b;
        double bb = s - a;
        err = (a - (s - bb)) - (b + bb);
        return s;
    }

    private static double TwoProduct(double a, double b, out double err)
    {
        double p = a * b;
        err = Math.FusedMultiplyAdd(a, b, -p);
        return p;
    }
}
