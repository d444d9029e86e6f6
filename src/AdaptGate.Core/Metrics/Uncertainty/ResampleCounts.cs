using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// One bootstrap resample as a count per row (how often the row was drawn), so metrics are computed
/// in one weighted pass over the original arrays rather than over copied rows. Draws are stratified:
/// each stratum (a class, for classification) keeps its own size, so every resample has both classes
/// and auc is always defined.
/// </summary>
internal sealed class ResampleCounts
{
    private readonly int[][] _strata;

    /// <summary><paramref name="strata"/>: the stratum (class index, below <paramref name="strataCount"/>) of each row, or null for one stratum of all rows.</summary>
    public ResampleCounts(int rows, int[]? strata, int strataCount)
    {
        Rows = rows;
        if (strata is null)
        {
            _strata = [Enumerable.Range(0, rows).ToArray()];
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
    }

    public int Rows { get; }

    /// <summary>The rows of each non-empty stratum.</summary>
    internal int[][] Strata => _strata;

    /// <summary>The random stream of resample <paramref name="replicate"/>: <see cref="Draw"/> and the rows' own resampling loops draw the same rows from it.</summary>
    internal static SplitMix64 Stream(int seed, int replicate) => new(((ulong)(uint)seed << 32) ^ (uint)replicate);

    /// <summary>Fills <paramref name="counts"/> with resample <paramref name="replicate"/> of the stream <paramref name="seed"/>.</summary>
    public void Draw(int[] counts, int seed, int replicate)
    {
        Array.Clear(counts);
        var random = Stream(seed, replicate);
        foreach (var members in _strata)
        {
            var size = (ulong)members.Length;
            for (var d = 0; d < members.Length; d++)
            {
                counts[members[random.Below(size)]]++;
            }
        }
    }
}
