using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// One bootstrap resample as a count per row (how often the row was drawn), so metrics are computed
/// in one weighted pass over the original arrays rather than over copied rows. Draws are stratified:
/// each stratum (a class, for classification) keeps its own size, so every resample has both classes
/// and auc is always defined. Above <see cref="MaxDraws"/> rows a resample draws that many (each stratum its share)
/// and <see cref="Scale"/> shrinks the resamples' spread to the full sample's, √(draws / rows): a metric's spread shrinks
/// with the square root of the rows (the m-out-of-n bootstrap), so a million-row interval costs what a 20,000-row one does.
/// </summary>
internal sealed class ResampleCounts
{
    /// <summary>Draws per resample above which the resample is a subsample and its spread is scaled.</summary>
    public const int MaxDraws = 20_000;

    private readonly int[][] _strata;

    /// <summary><paramref name="strata"/>: the stratum (class index, below <paramref name="strataCount"/>) of each row, or null for one stratum of all rows.</summary>
    public ResampleCounts(int rows, int[]? strata, int strataCount)
    {
        Rows = rows;
        if (strata is null)
        {
            _strata = [Enumerable.Range(0, rows).ToArray()];
            (Draws, Scale) = Allocate(_strata, rows);
            return;
        }

        var members = new List<int>[strataCount];
        for (var k = 0; k < strataCount; k++)
        {
            members[k] = [];
        }

        for (var i = 0; i < rows; i++)
        {
            members[strata[i]].Add(i);
        }

        _strata = [.. members.Where(m => m.Count > 0).Select(m => m.ToArray())];
        (Draws, Scale) = Allocate(_strata, rows);
    }

    /// <summary>How many rows a resample draws from each stratum of <see cref="Strata"/>.</summary>
    internal int[] Draws { get; }

    /// <summary>√(draws / rows): 1 while every row is drawn, below 1 for a subsample.</summary>
    public double Scale { get; }

    /// <summary>A replicate's value moved toward <paramref name="point"/> by <see cref="Scale"/>: the spread of the full sample's bootstrap.</summary>
    public double Scaled(double value, double point) => Scale == 1 ? value : point + ((value - point) * Scale);

    private static (int[] Draws, double Scale) Allocate(int[][] strata, int rows)
    {
        if (rows <= MaxDraws)
        {
            return ([.. strata.Select(s => s.Length)], 1);
        }

        var draws = strata.Select(s => Math.Max(1, (int)Math.Round(s.Length * (double)MaxDraws / rows))).ToArray();
        return (draws, Math.Sqrt(draws.Sum() / (double)rows));
    }

    public int Rows { get; }

    /// <summary>The rows of each non-empty stratum.</summary>
    internal int[][] Strata => _strata;

    /// <summary>The random stream of resample <paramref name="replicate"/>: <see cref="Draw"/> and the rows' own resampling loops draw the same rows from it.</summary>
    internal static SplitMix64 Stream(int seed, int replicate) => new(((ulong)(uint)seed << 32) ^ (uint)replicate);

    /// <summary>
    /// The rows resample <paramref name="replicate"/> of the stream <paramref name="seed"/> draws, in the order drawn (a row
    /// as often as it is drawn): the rows <see cref="Draw"/> counts, without a counts array as long as the rows.
    /// </summary>
    internal int[] DrawnRows(int seed, int replicate)
    {
        var drawn = new int[Draws.Sum()];
        var random = Stream(seed, replicate);
        var k = 0;
        for (var s = 0; s < _strata.Length; s++)
        {
            var members = _strata[s];
            var size = (ulong)members.Length;
            for (var d = 0; d < Draws[s]; d++)
            {
                drawn[k++] = members[random.Below(size)];
            }
        }

        return drawn;
    }

    /// <summary>Fills <paramref name="counts"/> with resample <paramref name="replicate"/> of the stream <paramref name="seed"/>.</summary>
    public void Draw(int[] counts, int seed, int replicate)
    {
        Array.Clear(counts);
        foreach (var row in DrawnRows(seed, replicate))
        {
            counts[row]++;
        }
    }
}
