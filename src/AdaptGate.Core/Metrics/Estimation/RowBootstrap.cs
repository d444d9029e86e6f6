using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Seeded bootstrap replicates of a set of rows, as multiplicities (how often each row is drawn), so a metric
/// is recomputed without copying rows. Above <see cref="MaxDraws"/> rows a replicate draws that many rows and the
/// spread is scaled by √(draws / rows), as a metric's spread shrinks with the square root of the rows: the
/// interval of a million-row check then costs what a 20,000-row one does. Intervals are normal
/// (estimate ± 1.96 standard errors), which the large samples this scaling serves make accurate.
/// </summary>
internal sealed class RowBootstrap
{
    public const int Replicates = 200;

    public const int MaxDraws = 20_000;

    private const double Z95 = 1.959963984540054;

    /// <summary>The reference's stream of the policy seed, apart from sampling, folds and the metrics' bootstrap.</summary>
    public const ulong ReferenceStream = 0xE5D1;

    /// <summary>The current rows' stream: apart from the reference's, so the reference's replicates do not depend on the current's size (and a profile can carry them).</summary>
    public const ulong CurrentStream = 0xE5D2;

    private readonly SplitMix64 _random;

    public RowBootstrap(int seed, ulong stream) => _random = SplitMix64.ForStream(seed, stream);

    /// <summary>One replicate's multiplicities for <paramref name="rows"/> rows.</summary>
    public int[] Draw(int rows)
    {
        var counts = new int[rows];
        var draws = Math.Min(rows, MaxDraws);
        for (var k = 0; k < draws; k++)
        {
            counts[_random.Below((ulong)rows)]++;
        }

        return counts;
    }

    /// <summary>The mean of <paramref name="values"/> with each row counted as often as <paramref name="weights"/> draws it (once each without); NaN for no rows.</summary>
    public static double Mean(double[] values, int[]? weights)
    {
        double sum = 0, count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var w = weights?[i] ?? 1;
            sum += w * values[i];
            count += w;
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>The scale from a replicate's spread to the full sample's.</summary>
    public static double Scale(int rows) => Math.Sqrt(Math.Min(rows, MaxDraws) / (double)rows);

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
