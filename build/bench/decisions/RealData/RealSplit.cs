namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// One real-data case: the rows a model was trained on (reference) and the rows that came after (current),
/// both in time order. The first 60% of the current rows are what the check sees and what fine-tune and
/// retrain learn from; the last 40% are the future that scores them (the oracle). Nothing here says what
/// the right action is: the oracle measures it.
/// </summary>
internal sealed record RealSplit(string Name, string Story, RealDataset Dataset, RealDataset CurrentSource, int[] Reference, int[] Current)
{
    /// <summary>Share of the current rows the check sees and the adapted models train on; the rest scores them.</summary>
    public const double AdaptShare = 0.6;

    private const int RowsPerDay = 48;

    /// <summary>The elec2 rows before this one have constant Victorian columns (filled in; see the data's README).</summary>
    private const int Elec2FirstDay = 363;

    private const int CarLoanReferenceRows = 5000;

    /// <summary>
    /// The real-data splits of docs/decisions.md. <paramref name="seed"/> moves every elec2 window by nine days
    /// a seed and every car-loan window by 400 rows (other real windows, same story), and draws the car-loan
    /// reference sample.
    /// </summary>
    public static IReadOnlyList<RealSplit> All(int seed)
    {
        var splits = new List<RealSplit>();
        var shift = 9 * seed;
        foreach (var (dataset, starts) in new[]
        {
            (RealDataset.Elec2Binary, new[] { 363, 460, 560, 660, 760 }), (RealDataset.Elec2Demand, new[] { 363, 560, 760 }), (RealDataset.Elec2DemandLevel, new[] { 363, 560, 760 }),
        })
        {
            foreach (var start in starts)
            {
                var d0 = start + shift;
                splits.Add(new($"{dataset.Name}-next-d{d0}", "trained on two months, checked on the two months after", dataset, dataset,
                    Days(d0, 61), Days(d0 + 61, 61)));
            }

            var later = Elec2FirstDay + shift;
            splits.Add(new($"{dataset.Name}-year-later-d{later}", "trained on two months, checked on the same season a year later", dataset, dataset,
                Days(later, 61), Days(later + 365, 61)));
        }

        foreach (var start in new[] { 363, 520 })
        {
            var d0 = start + shift;
            splits.Add(new($"elec2-half-year-later-d{d0}", "trained on two months, checked on two months four months later", RealDataset.Elec2Binary, RealDataset.Elec2Binary,
                Days(d0, 61), Days(d0 + 181, 61)));
        }

        foreach (var (dataset, start) in new[] { (RealDataset.Elec2Binary, 400), (RealDataset.Elec2Binary, 700), (RealDataset.Elec2Demand, 500), (RealDataset.Elec2DemandLevel, 500) })
        {
            var d0 = start + shift;
            splits.Add(new($"{dataset.Name}-interleaved-d{d0}", "even days against the odd days of the same four months: nothing changed", dataset, dataset,
                EveryOtherDay(d0, 122), EveryOtherDay(d0 + 1, 122)));
        }

        var sample = CarLoanSample(seed);
        foreach (var (start, story) in new[]
        {
            (0, "the first months after deployment, before the shift"),
            (10000, "before the shift"),
            (18000, "just before the shift"),
            (22500, "the shift begins in the last part of the window"),
            (25000, "right after several features shifted"),
            (35000, "after the shift"),
            (43000, "long after the shift"),
        })
        {
            var s0 = start + (400 * seed);
            splits.Add(new($"car-loan-r{s0}", story, RealDataset.CarLoanReference, RealDataset.CarLoanMonitoring, sample, [.. Enumerable.Range(s0, 5000)]));
        }

        return splits;
    }

    private static int[] Days(int firstDay, int days) => [.. Enumerable.Range(firstDay * RowsPerDay, days * RowsPerDay)];

    /// <summary>Every other day of <paramref name="days"/> days from <paramref name="firstDay"/>: two halves of one period that differ in nothing but chance.</summary>
    private static int[] EveryOtherDay(int firstDay, int days) =>
        [.. Enumerable.Range(0, days / 2).SelectMany(k => Enumerable.Range((firstDay + (2 * k)) * RowsPerDay, RowsPerDay))];

    /// <summary>A seeded sample of the 50,000 reference rows, kept in time order: a team validates on a sample of its history.</summary>
    private static int[] CarLoanSample(int seed)
    {
        var random = new Random(17 + seed);
        var all = Enumerable.Range(0, 50000).ToArray();
        random.Shuffle(all);
        return [.. all.Take(CarLoanReferenceRows).Order()];
    }
}
