using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Sql;

/// <summary>
/// A large numeric column's values as exact counts over ordered, disjoint buckets, computed by the engine: buckets of
/// equal width over the column's range, and those holding too many values cut again (one scan of the column a round)
/// until each holds one value or at most <see cref="HeavyShare"/> of them. From the buckets come the values at chosen
/// ranks (exact: the few buckets holding them are fetched) and a KLL sketch whose rank error is below
/// 2/<see cref="HeavyShare"/> of the count (docs/profiles.md, "SQL sources").
/// </summary>
internal sealed class SqlRankSummary
{
    /// <summary>A bucket may hold at most count/HeavyShare values, unless it holds a single value; the sketch's items stand for at most as many.</summary>
    public const int HeavyShare = 1024;

    /// <summary>Buckets per range and round.</summary>
    private const int BucketsPerRange = 16384;

    /// <summary>A bucket holding a wanted rank is cut until it holds at most this many, so fetching it is cheap.</summary>
    private const long FetchLimit = 16384;

    private const int MaxRounds = 32;

    private readonly List<Bucket> _buckets;

    /// <summary>The values of the buckets <see cref="ValuesAt"/> fetched, ascending, by bucket index.</summary>
    private readonly Dictionary<int, double[]> _fetched = [];

    private SqlRankSummary(long count, List<Bucket> buckets)
    {
        Count = count;
        _buckets = buckets;
    }

    public long Count { get; }

    /// <summary>Buckets of the column's present values, <paramref name="wanted"/> ranks (0-based) cut fine enough to fetch.</summary>
    public static SqlRankSummary Build(SqlProfileContext context, SqlSourceColumn column, long count, double min, double max, IReadOnlyList<long> wanted)
    {
        var heavy = Math.Max(1, count / HeavyShare);
        var buckets = new List<Bucket> { new(count, min, max, null, 0, false) };
        for (var round = 1; round <= MaxRounds; round++)
        {
            var starts = Starts(buckets);
            bool Cut(int i) => buckets[i].Min < buckets[i].Max && !buckets[i].Stuck
                && (buckets[i].Count > heavy || (buckets[i].Count > FetchLimit && wanted.Any(r => r >= starts[i] && r < starts[i] + buckets[i].Count)));
            var groups = Groups(buckets, Cut);
            if (groups.Count == 0)
            {
                break;
            }

            var ranges = new List<SqlBucketRange>();
            foreach (var (first, last) in groups)
            {
                var (low, high) = (buckets[first].Min, buckets[last].Max);
                ranges.Add(new SqlBucketRange(low, high, Scale(low, high), ranges.Count * (BucketsPerRange + 8L)));
            }

            // A bucket number is its range's offset plus -1 to BucketsPerRange + 1 (rounding at the ends).
            var rows = context.Runner.Query(context.Queries.Buckets(column, ranges), context.CancellationToken)
                .Select(r => (Id: SqlValues.Long(r[0]), Count: SqlValues.Long(r[1]), Min: SqlValues.Double(r[2]), Max: SqlValues.Double(r[3])))
                .OrderBy(b => b.Id)
                .GroupBy(b => (int)Math.Floor((b.Id + 4) / (BucketsPerRange + 8.0)))
                .ToDictionary(g => g.Key, g => g.Select(b => new Bucket(b.Count, b.Min, b.Max, ranges[g.Key], b.Id, false)).ToList());
            var replaced = new List<Bucket>(buckets.Count + rows.Count);
            var next = 0;
            for (var g = 0; g < groups.Count; g++)
            {
                var (first, last) = groups[g];
                replaced.AddRange(buckets.Skip(next).Take(first - next));
                var expected = buckets.Skip(first).Take(last - first + 1).Sum(b => b.Count);
                var parts = rows.GetValueOrDefault(g) ?? [];
                if (parts.Sum(b => b.Count) != expected)
                {
                    throw Unstable(context, column);
                }

                if (parts.Count == 1 && first == last)
                {
                    // The widths reached the spacing of the doubles themselves: no cut separates these values further.
                    parts[0] = parts[0] with { Stuck = true };
                }

                replaced.AddRange(parts);
                next = last + 1;
            }

            replaced.AddRange(buckets.Skip(next));
            buckets = replaced;
        }

        return new SqlRankSummary(count, buckets);
    }

    /// <summary>The exact values at the given 0-based ranks, fetching the few buckets that hold more than one value.</summary>
    public Dictionary<long, double> ValuesAt(SqlProfileContext context, SqlSourceColumn column, IReadOnlyList<long> ranks)
    {
        var starts = Starts(_buckets);
        var found = new Dictionary<long, double>();
        var fetch = new SortedSet<int>();
        foreach (var rank in ranks)
        {
            var i = BucketOf(starts, rank);
            if (_buckets[i].Min == _buckets[i].Max)
            {
                found[rank] = _buckets[i].Min;
            }
            else
            {
                fetch.Add(i);
            }
        }

        if (fetch.Count > 0)
        {
            // Each bucket by its number in the cut that made it; the whole column (never cut) as one range.
            var sets = fetch.GroupBy(i => _buckets[i].Source)
                .Select(g => g.Key is { } range
                    ? (range, (IReadOnlyList<long>)[.. g.Select(i => _buckets[i].Id)])
                    : (new SqlBucketRange(_buckets[g.First()].Min, _buckets[g.First()].Max, 0, 0), (IReadOnlyList<long>)[0]))
                .ToArray();
            var values = context.Runner.Query(context.Queries.ValuesInBuckets(column, sets), context.CancellationToken).Select(r => SqlValues.Double(r[0])).ToArray();
            if (values.Length != fetch.Sum(i => _buckets[i].Count))
            {
                throw Unstable(context, column);
            }

            var offset = 0L;
            foreach (var i in fetch)
            {
                _fetched[i] = values[(int)offset..(int)(offset + _buckets[i].Count)];
                foreach (var rank in ranks.Where(r => r >= starts[i] && r < starts[i] + _buckets[i].Count))
                {
                    found[rank] = values[offset + (rank - starts[i])];
                }

                offset += _buckets[i].Count;
            }
        }

        return found;
    }

    /// <summary>
    /// A KLL sketch of the column: an item of weight w (the largest power of two at most count/<see cref="HeavyShare"/>)
    /// for each run of w ranks, at the largest value of the bucket holding the run's last rank; the remainder's bits as
    /// items at the maximum. Its rank of any value is at most w + count/<see cref="HeavyShare"/> below the true rank.
    /// </summary>
    public KllSketch Sketch(double min, double max, ulong seed)
    {
        var weight = 1L;
        while (weight * 2 <= Count / HeavyShare)
        {
            weight *= 2;
        }

        var level = System.Numerics.BitOperations.Log2((ulong)weight);
        var levels = new List<double>[level + 1];
        for (var h = 0; h <= level; h++)
        {
            levels[h] = [];
        }

        var starts = Starts(_buckets);
        var items = Count / weight;
        for (var j = 1; j <= items; j++)
        {
            levels[level].Add(_buckets[BucketOf(starts, (j * weight) - 1)].Max);
        }

        var remainder = Count - (items * weight);
        for (var h = 0; h < level; h++)
        {
            if ((remainder & (1L << h)) != 0)
            {
                levels[h].Add(max);
            }
        }

        return KllSketch.Restore(KllSketch.DefaultK, Count, min, max, seed, levels);
    }

    /// <summary>
    /// How many values lie strictly below each edge, from the buckets and the fetched values alone, or null when an
    /// edge falls inside a bucket that was not fetched (then the engine counts them). The decile edges lie between the
    /// values at the ranks <see cref="ValuesAt"/> fetched, so their buckets are at hand.
    /// </summary>
    public long[]? Below(double[] edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var below = new long[edges.Length];
        for (var e = 0; e < edges.Length; e++)
        {
            for (var i = 0; i < _buckets.Count && _buckets[i].Min < edges[e]; i++)
            {
                if (_buckets[i].Max < edges[e])
                {
                    below[e] += _buckets[i].Count;
                }
                else if (_fetched.TryGetValue(i, out var values))
                {
                    below[e] += Drift.QuantileBinning.LowerBound(values, edges[e]);
                }
                else
                {
                    return null;
                }
            }
        }

        return below;
    }

    /// <summary>Whether a bucket of one value holds it more than once (then the column has a repeated value).</summary>
    public bool HasRepeatedValue => _buckets.Any(b => b.Min == b.Max && b.Count > 1);

    private static long[] Starts(List<Bucket> buckets)
    {
        var starts = new long[buckets.Count];
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] = starts[i - 1] + buckets[i - 1].Count;
        }

        return starts;
    }

    private static int BucketOf(long[] starts, long rank)
    {
        var at = Array.BinarySearch(starts, rank);
        if (at < 0)
        {
            at = ~at - 1;
        }

        // Empty buckets never come back from the engine, so the first bucket starting at or before the rank holds it.
        return at;
    }

    /// <summary>Runs of buckets to cut that were neighbours in one cut (no empty bucket between), each as its first and last index.</summary>
    private static List<(int First, int Last)> Groups(List<Bucket> buckets, Func<int, bool> cut)
    {
        var groups = new List<(int, int)>();
        for (var i = 0; i < buckets.Count; i++)
        {
            if (!cut(i))
            {
                continue;
            }

            var last = i;
            while (last + 1 < buckets.Count && cut(last + 1) && buckets[last + 1].Source == buckets[last].Source && buckets[last + 1].Id == buckets[last].Id + 1)
            {
                last++;
            }

            groups.Add((i, last));
            i = last;
        }

        return groups;
    }

    /// <summary>Buckets per unit, halving both ends so a range as wide as the doubles themselves does not overflow.</summary>
    private static double Scale(double low, double high)
    {
        var scale = BucketsPerRange / ((high / 2) - (low / 2)) / 2;
        var largest = Math.Max(Math.Abs(low), Math.Abs(high));
        return Math.Min(scale, double.MaxValue / 4 / Math.Max(largest, 1));
    }

    private static InputException Unstable(SqlProfileContext context, SqlSourceColumn column) => new(
        $"The source gave different values on two reads of the same column, so it cannot be profiled in {context.Queries.Dialect.Name}.",
        context.Source,
        column: column.Name,
        hint: "Profile a query that returns the same rows each time it runs (no random(), sampling or a table that changes meanwhile).");

    /// <summary>Values in [Min, Max]; Id is its number in the range Source of the cut that made it (null: the whole column); Stuck when cutting it again separates nothing.</summary>
    private readonly record struct Bucket(long Count, double Min, double Max, SqlBucketRange? Source, long Id, bool Stuck);
}
