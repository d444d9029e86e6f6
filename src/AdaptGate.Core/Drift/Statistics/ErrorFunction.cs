namespace AdaptGate.Core.Drift.Statistics;

/// <summary>Cephes ndtr.c erf/erfc as compiled in SciPy 1.10 (used by Temme's asymptotic series).</summary>
internal static class ErrorFunction
{
    private static readonly double[] P =
    [
        2.46196981473530512524E-10,
        5.64189564831068821977E-1,
        7.46321056442269912687E0,
        4.86371970985681366614E1,
        1.96520832956077098242E2,
        5.26445194995477358631E2,
        9.34528527171957607540E2,
        1.02755188689515710272E3,
        5.57535335369399327526E2,
    ];

    private static readonly double[] Q =
    [
        1.32281951154744992508E1,
        8.67072140885989742329E1,
        3.54937778887819891062E2,
        9.75708501743205489753E2,
        1.82390916687909736289E3,
        2.24633760818710981792E3,
        1.65666309194161350182E3,
        5.57535340817727675546E2,
    ];

    private static readonly double[] R =
    [
        5.64189583547755073984E-1,
        1.27536670759978104416E0,
        5.01905042251180477414E0,
        6.16021097993053585195E0,
        7.40974269950448939160E0,
        2.97886665372100240670E0,
    ];

    private static readonly double[] S =
    [
        2.26052863220117276590E0,
        9.39603524938001434673E0,
        1.20489539808096656605E1,
        1.70814450747565897222E1,
        9.60896809063285878198E0,
        3.36907645100081516050E0,
    ];

    private static readonly double[] T =
    [
        9.60497373987051638749E0,
        9.00260197203842689217E1,
        2.23200534594684319226E3,
        7.00332514112805075473E3,
        5.55923013010394962768E4,
    ];

    private static readonly double[] U =
    [
        3.35617141647503099647E1,
        5.21357949780152679795E2,
        4.59432382970980127987E3,
        2.26290000613890934246E4,
        4.92673942608635921086E4,
    ];

    /// <summary>Cephes erfc: the complementary error function.</summary>
    public static double Erfc(double a)
    {
        if (double.IsNaN(a))
        {
            return a;
        }

        double x = a < 0.0 ? -a : a;
        if (x < 1.0)
        {
            return 1.0 - Erf(a);
        }

        double z = -a * a;
        if (z < -CephesConstants.MaxLog)
        {
            return a < 0 ? 2.0 : 0.0;
        }

        z = Math.Exp(z);
        double p;
        double q;
        if (x < 8.0)
        {
            p = Polynomial.Evaluate(x, P, 8);
            q = Polynomial.EvaluateMonic(x, Q, 8);
        }
        else
        {
            p = Polynomial.Evaluate(x, R, 5);
            q = Polynomial.EvaluateMonic(x, S, 6);
        }

        double y = z * p / q;
        if (a < 0)
        {
            y = 2.0 - y;
        }

        if (y == 0.0)
        {
            return a < 0 ? 2.0 : 0.0;
        }

        return y;
    }

    /// <summary>Cephes erf: the error function.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (Math.Abs(x) > 1.0)
        {
            return 1.0 - Erfc(x);
        }

        double z = x * x;
        return x * Polynomial.Evaluate(z, T, 4) / Polynomial.EvaluateMonic(z, U, 5);
    }
}
