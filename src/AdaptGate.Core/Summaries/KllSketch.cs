using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Summaries;

/// <summary>
/// A mergeable quantile sketch (Karnin, Lang and Liberty 2016, "Optimal Quantile Approximation in Streams"): levels of
/// compactors, an item at level h standing for 2^h values. A full level is sorted and every other item, from a random
/// offset, moves up; capacities shrink by 2/3 per level below the top. Coin flips come from a seeded SplitMix64 whose
/// state travels with the sketch, so the same values added (or merged) in the same order give the same sketch, byte for
/// byte. The rank of any value is within <see cref="RankErrorBound"/> × count of its true rank at the default
/// <see cref="DefaultK"/> (docs/profiles.md; KllSketchTests checks it against exact ranks).
/// </summary>
public sealed class KllSketch
{
    /// <summary>Capacity of the top level: about 3·k values are kept whatever the count.</summary>
    public const int DefaultK = 1024;

    /// <summary>The normalised rank error at <see cref="DefaultK"/>: 0.5% of the count.</summary>
    public const double RankErrorBound = 0.005;

    private const double Shrink = 2.0 / 3.0;
    private const int MinimumCapacity = 8;

    private readonly List<List<double>> _levels = [];
    private SplitMix64 _random;
    private int _retained;
    private int _capacity;

    public KllSketch(int k = DefaultK, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, MinimumCapacity);
        K = k;
        _random = new SplitMix64(seed);
        Grow();
    }

    public int K { get; }

    /// <summary>Values added, the merged sketches' included.</summary>
    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Values the sketch holds now.</summary>
    public int Retained => _retained;

    /// <summary>Whether every value added is still held at weight 1, so ranks are exact.</summary>
    public bool IsExact => _levels.Count == 1;

    /// <summary>The random generator's state, saved with the sketch.</summary>
    public ulong RandomState => _random.State;

    /// <summary>The held values per level (level h weighs 2^h), for saving.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Levels => _levels;

    /// <summary>A sketch as saved: its levels, count, extremes and coin-flip state (<see cref="Levels"/>, <see cref="RandomState"/>).</summary>
    public static KllSketch Restore(int k, long count, double min, double max, ulong randomState, IReadOnlyList<IReadOnlyList<double>> levels)
    {
        var sketch = new KllSketch(k, randomState);
        long weight = 0;
        for (var h = 0; h < levels.Count; h++)
        {
            if (h > 0)
            {
                sketch.Grow();
            }

            sketch._levels[h].AddRange(levels[h]);
            weight += (long)levels[h].Count << h;
        }

        // A compaction turns two values of weight 2^h into one of 2^(h+1): the held weight is always the count.
        if (weight != count)
        {
            throw new InvalidDataException($"The sketch holds weight {weight} for a count of {count}.");
        }

        sketch._retained = levels.Sum(l => l.Count);
        sketch.Count = count;
        sketch.Min = min;
        sketch.Max = max;
        return sketch;
    }

    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("A sketch holds numbers; a missing value is counted beside it.", nameof(value));
        }

        _levels[0].Add(value);
        _retained++;
        Count++;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (_retained >= _capacity)
        {
            Compress();
        }
    }

    /// <summary>Adds another sketch's values; both must have the same k. The other sketch is left as it was.</summary>
    public void Merge(KllSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.K != K)
        {
            throw new ArgumentException($"Sketches of k {K} and {other.K} cannot be merged.", nameof(other));
        }

        while (_levels.Count < other._levels.Count)
        {
            Grow();
        }

        for (var h = 0; h < other._levels.Count; h++)
        {
            _levels[h].AddRange(other._levels[h]);
        }

        _retained += other._retained;
        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        while (_retained >= _capacity)
        {
            Compress();
        }
    }

    /// <summary>The held values ascending, each with the number of values it stands for.</summary>
    public (double[] Values, long[] Weights) Weighted()
    {
        var values = new double[_retained];
        var weights = new long[_retained];
        var at = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            foreach (var v in _levels[h])
            {
                values[at] = v;
                weights[at++] = 1L << h;
            }
        }

        Array.Sort(values, weights);
        return (values, weights);
    }

    /// <summary>The estimated number of values at or below <paramref name="value"/>.</summary>
    public long Rank(double value)
    {
        long rank = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            foreach (var v in _levels[h])
            {
                if (v <= value)
                {
                    rank += 1L << h;
                }
            }
        }

        return rank;
    }

    private int LevelCapacity(int level)
    {
        var depth = _levels.Count - level - 1;
        return Math.Max(MinimumCapacity, (int)Math.Ceiling(K * Math.Pow(Shrink, depth)));
    }

    private void Grow()
    {
        _levels.Add([]);
        _capacity = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            _capacity += LevelCapacity(h);
        }
    }

    /// <summary>Compacts the lowest full level, growing a level on top when it is the highest.</summary>
    private void Compress()
    {
        for (var h = 0; h < _levels.Count; h++)
        {
            if (_levels[h].Count < LevelCapacity(h))
            {
                continue;
            }

            if (h + 1 == _levels.Count)
            {
                Grow();
            }

            var level = _levels[h];
            level.Sort();

            // An odd item out stays behind, so no value's weight is lost or doubled.
            var kept = level.Count % 2 == 1 ? level[^1] : double.NaN;
            var pairs = level.Count / 2;
            var offset = (int)(_random.NextUInt64() >> 63);
            var above = _levels[h + 1];
            for (var i = 0; i < pairs; i++)
            {
                above.Add(level[(2 * i) + offset]);
            }

            level.Clear();
            if (!double.IsNaN(kept))
            {
                level.Add(kept);
            }

            _retained -= pairs;
            return;
        }
    }
}
