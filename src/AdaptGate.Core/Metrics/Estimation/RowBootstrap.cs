using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Seeded bootstrap replicates of a set of rows for the covariate / concept split, drawn by the metric bootstrap's
/// <see cref="ResampleCounts"/>: stratified where the rows have classes, and above <see cref="ResampleCounts.MaxDraws"/>
/// rows a replicate draws that many and <see cref="Scale"/> shrinks the spread to the full sample's, √(draws / rows).
/// Each replicate is handed out as the rows it drew and how often, so a metric over a million rows costs what it does
/// over the draws. Intervals are normal (estimate ± 1.96 standard errors), which the large samples this scaling serves
/// make accurate.
/// </summary>
internal sealed class RowBootstrap
{
    public const int Replicates = 200;

    private const double Z95 = 1.959963984540054;

    /// <summary>The reference's stream of the policy seed, apart from sampling, folds and the metrics' bootstrap.</summary>
    public const ulong ReferenceStream = 0xE5D1;

    /// <summary>The current rows' stream: apart from the reference's, so the reference's replicates do not depend on the current's size (and a profile can carry them).</summary>
    public const ulong CurrentStream = 0xE5D2;

    private readonly ResampleCounts _sampler;
    private readonly int _seed;
    private readonly int[] _counts;

    /// <summary>Replicates of <paramref name="rows"/> rows on <paramref name="stream"/> of <paramref name="seed"/>, stratified by <paramref name="strata"/> (each row's class, below <paramref name="strataCount"/>) unless it is null.</summary>
    public RowBootstrap(int seed, ulong stream, int rows, int[]? strata = null, int strataCount = 1)
    {
        _sampler = new ResampleCounts(rows, strata, strataCount);
        _seed = unchecked((seed * 7919) + (int)stream);
        _counts = new int[rows];
    }

    /// <summary>√(draws / rows): 1 while a replicate draws as many rows as there are, below 1 for a subsample.</summary>
    public double Scale => _sampler.Scale;

    /// <summary>Replicate <paramref name="replicate"/>: the rows drawn, ascending, and how often each.</summary>
    public RowDraw Draw(int replicate)
    {
        _sampler.Draw(_counts, _seed, replicate);
        var distinct = 0;
        foreach (var c in _counts)
        {
            distinct += c > 0 ? 1 : 0;
        }

        var rows = new int[distinct];
        var counts = new int[distinct];
        for (int i = 0, k = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > 0)
            {
                (rows[k], counts[k]) = (i, _counts[i]);
                k++;
            }
        }

        return new RowDraw(rows, counts);
    }

    /// <summary>The mean of <paramref name="values"/>; NaN for no rows.</summary>
    public static double Mean(double[] values) => values.Length == 0 ? double.NaN : values.Sum() / values.Length;

    /// <summary>The mean of <paramref name="values"/> with each drawn row counted as often as it was drawn.</summary>
    public static double Mean(double[] values, RowDraw draw)
    {
        double sum = 0, count = 0;
        for (var k = 0; k < draw.Rows.Length; k++)
        {
            sum += draw.Counts[k] * values[draw.Rows[k]];
            count += draw.Counts[k];
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>The replicates' standard deviation times <paramref name="scale"/>; NaN with fewer than two finite replicates.</summary>
    public static double StandardError(IReadOnlyList<double> replicates, double scale)
    {
        var finite = replicates.Where(double.IsFinite).ToArray();
        if (finite.Length < 2)
        {
            return double.NaN;
        }

        var mean = finite.Average();
        return Math.Sqrt(finite.Sum(r => (r - mean) * (r - mean)) / (finite.Length - 1)) * scale;
    }

    /// <summary>estimate ± 1.96 <paramref name="standardError"/>.</summary>
    public static (double Low, double High) Interval(double estimate, double standardError) =>
        (estimate - (Z95 * standardError), estimate + (Z95 * standardError));
}

/// <summary>One bootstrap replicate: the rows it drew (ascending) and how often it drew each.</summary>
internal readonly record struct RowDraw(int[] Rows, int[] Counts);
