using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Tests.Multivariate;

public sealed class SamplingAndFoldsTests
{
    [Fact]
    public void SplitMix64_gives_the_published_sequence()
    {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c): the sequence must not depend on the runtime.
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void A_bounded_draw_stays_in_range_and_covers_it()
    {
        var random = new SplitMix64(3);
        var seen = new bool[7];
        for (var i = 0; i < 1000; i++)
        {
            seen[random.NextInt(7)] = true;
        }

        Assert.All(seen, Assert.True);
    }

    [Fact]
    public void Sampling_draws_distinct_rows_in_file_order_and_repeats_for_a_seed()
    {
        var first = RowSampler.Sample(10_000, 500, SplitMix64.ForStream(0, 1));
        var again = RowSampler.Sample(10_000, 500, SplitMix64.ForStream(0, 1));
        var otherSeed = RowSampler.Sample(10_000, 500, SplitMix64.ForStream(1, 1));

        Assert.Equal(500, first.Length);
        Assert.Equal(first.Order(), first);
        Assert.Equal(500, first.Distinct().Count());
        Assert.All(first, row => Assert.InRange(row, 0, 9_999));
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Sampling_keeps_every_row_when_they_fit()
    {
        Assert.Equal(Enumerable.Range(0, 40), RowSampler.Sample(40, 40, new SplitMix64(0)));
    }

    [Fact]
    public void Folds_hold_each_side_in_equal_shares()
    {
        var isCurrent = Enumerable.Range(0, 130).Select(i => i >= 80).ToArray();

        var folds = FoldAssignment.Stratified(isCurrent, 5, new SplitMix64(9));

        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(16, Enumerable.Range(0, 80).Count(i => folds[i] == k));
            Assert.Equal(10, Enumerable.Range(80, 50).Count(i => folds[i] == k));
        }
    }
}
