using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Seeded bootstrap replicates of a set of rows for the covariate / concept split, drawn by the metric bootstrap's
/// <see cref="ResampleCounts"/>: stratified where the rows have classes, and above <see cref="ResampleCounts.MaxDraws"/>
/// rows a replicate draws that many and <see cref="Scale"/> shrinks the spread to the full sample's, √(draws / rows).
/// Each replicate is handed out as the rows it drew, so a metric over a million rows costs what it does over the draws.
/// Intervals are normal (estimate ± 1.96 standard errors), which the large samples this scaling serves make accurate.
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

    /// <summary>Replicates of <paramref name="rows"/> rows on <paramref name="stream"/> of <paramref name="seed"/>, stratified by <paramref name="strata"/> (each row's class, below <paramref name="strataCount"/>) unless it is null.</summary>
    public RowBootstrap(int seed, ulong stream, int rows, int[]? strata = null, int strataCount = 1)
    {
        _sampler = new ResampleCounts(rows, strata, strataCount);
        _seed = unchecked((seed * 7919) + (int)stream);
    }

    /// <summary>√(draws / rows): 1 while a replicate draws as many rows as there are, below 1 for a subsample.</summary>
    public double Scale => _sampler.Scale;

    /// <summary>Replicate <paramref name="replicate"/>: the rows it drew, each as often as drawn.</summary>
    public RowDraw Draw(int replicate) => new(_sampler.DrawnRows(_seed, replicate));

    /// <summary>The mean of <paramref name="values"/>; NaN for no rows.</summary>
    public static double Mean(double[] values) => values.Length == 0 ? double.NaN : values.Sum() / values.Length;

    /// <summary>The mean of <paramref name="values"/> over the rows <paramref name="draw"/> drew, each as often as drawn.</summary>
    public static double Mean(double[] values, RowDraw draw)
    {
        double sum = 0;
        foreach (var row in draw.Rows)
        {
            sum += values[row];
        }

        return draw.Rows.Length == 0 ? double.NaN : sum / draw.Rows.Length;
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

/// <summary>
/// One bootstrap replicate: the rows it drew, in the order drawn, a row as often as it was drawn (at most
/// <see cref="ResampleCounts.MaxDraws"/> of them, so a metric over them costs what the draws do, not what the rows do).
/// </summary>
internal sealed class RowDraw(int[] rows)
{
    private int[]? _ascending;

    public int[] Rows { get; } = rows;

    /// <summary>The drawn rows ascending, sorted once for every metric that needs them in order (the auc over rows sorted by score).</summary>
    public int[] Ascending
    {
        get
        {
            if (_ascending is null)
            {
                _ascending = (int[])Rows.Clone();
                Array.Sort(_ascending);
            }

            return _ascending;
        }
    }
}
