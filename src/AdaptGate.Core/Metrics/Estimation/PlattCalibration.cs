namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Platt scaling: outcome ~ sigmoid(a · logit(score) + b), fitted by Newton's method on the log-likelihood. Two
/// parameters, strictly increasing, so it keeps every difference between scores that an isotonic fit's flat
/// steps would merge (which costs the expected auc its resolution); scores are clipped to [1e-15, 1 − 1e-15]
/// before the logit, and any real-valued score works once mapped through a sigmoid.
/// </summary>
internal sealed class PlattCalibration
{
    private const double Clip = 1e-15;

    private readonly double _a;
    private readonly double _b;

    private PlattCalibration(double a, double b)
    {
        _a = a;
        _b = b;
    }

    /// <summary>The slope and intercept on the logit scale: what a profile stores to apply the same fit.</summary>
    public (double A, double B) Parameters => (_a, _b);

    public static PlattCalibration Restore(double a, double b) => new(a, b);

    public static PlattCalibration Fit(ReadOnlySpan<double> score, ReadOnlySpan<double> outcome)
    {
        var z = new double[score.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = Logit(score[i]);
        }

        double a = 1, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < z.Length; i++)
            {
                var p = Sigmoid((a * z[i]) + b);
                var r = outcome[i] - p;
                var w = Math.Max(p * (1 - p), 1e-12);
                ga += r * z[i];
                gb += r;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }

            // A small ridge keeps the step finite when the scores separate the outcomes perfectly.
            haa += 1e-9;
            hbb += 1e-9;
            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return new PlattCalibration(a, b);
    }

    public double Apply(double score) => Sigmoid((_a * Logit(score)) + _b);

    public double[] Apply(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Apply(scores[i]);
        }

        return result;
    }

    private static double Logit(double score)
    {
        var s = score is >= 0 and <= 1 ? score : Sigmoid(score);
        s = Math.Clamp(s, Clip, 1 - Clip);
        return Math.Log(s / (1 - s));
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
