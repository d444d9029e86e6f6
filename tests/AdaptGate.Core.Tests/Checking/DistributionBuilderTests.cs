using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Tests.Metrics;

namespace AdaptGate.Core.Tests.Checking;

public sealed class DistributionBuilderTests
{
    [Fact]
    public void Numeric_bins_are_the_reference_deciles_with_compact_labels()
    {
        // 1..10: numpy.quantile deciles are 1.9, 2.8, ..., 9.1.
        var reference = NumericSummary.FromValues(Enumerable.Range(1, 10).Select(i => (double)i).ToArray());
        var current = NumericSummary.FromValues([0, 0, 5, 20, double.NaN]);

        var edges = QuantileBinning.Edges(reference.Sorted);

        var distribution = DistributionBuilder.Numeric(edges, QuantileBinning.Counts(reference.Sorted, edges), QuantileBinning.Counts(current.Sorted, edges));

        Assert.Equal(
            ["< 1.9", "1.9 – 2.8", "2.8 – 3.7", "3.7 – 4.6", "4.6 – 5.5", "5.5 – 6.4", "6.4 – 7.3", "7.3 – 8.2", "8.2 – 9.1", ">= 9.1"],
            distribution.Bins);
        Assert.All(distribution.Reference, share => Assert.Equal(0.1, share, 12));
        Assert.Equal([0.5, 0, 0, 0, 0.25, 0, 0, 0, 0, 0.25], distribution.Current);
    }

    [Fact]
    public void Categories_keep_the_twelve_most_frequent_then_other()
    {
        // Fourteen categories: c00 is the most frequent, c12 and c13 the least; c05 and c06 tie and sort by name.
        string[] names = [.. Enumerable.Range(0, 14).Select(i => $"c{i:00}")];
        long[] referenceCounts = [50, 40, 30, 20, 15, 10, 10, 8, 7, 6, 5, 4, 3, 2];
        long[] currentCounts = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0];
        var reference = new CategoricalSummary(names.Reverse().ToArray(), referenceCounts.Reverse().ToArray(), 0);
        var current = new CategoricalSummary(names, currentCounts, 0);

        var distribution = DistributionBuilder.Categorical(reference, current);

        Assert.Equal([.. names.Take(12), "other"], distribution.Bins);
        Assert.Equal(210, referenceCounts.Sum());
        Assert.Equal(5 / 210.0, distribution.Reference[^1], 12);
        Assert.Equal(0, distribution.Current[^1]);
        Assert.Equal(1, distribution.Reference.Sum(), 12);
        Assert.Equal(1, distribution.Current.Sum(), 12);
    }

    [Fact]
    public void A_category_named_other_is_not_confused_with_the_rest()
    {
        string[] names = [.. Enumerable.Range(0, 12).Select(i => $"c{i:00}"), "other", "rare"];
        long[] counts = [.. Enumerable.Repeat(10L, 12), 100, 1];
        var summary = new CategoricalSummary(names, counts, 0);

        var distribution = DistributionBuilder.Categorical(summary, summary);

        Assert.Equal("other", distribution.Bins[0]);
        Assert.Equal("(other)", distribution.Bins[^1]);
    }

    [Fact]
    public void The_check_fills_distributions_and_leaves_them_null_when_not_comparable()
    {
        var reference = TestTables.Of(
            TestTables.Numbers("x", 1, 2, 3, 4),
            TestTables.Booleans("flag", true, false, true, true),
            TestTables.Numbers("empty", double.NaN, double.NaN, double.NaN, 1));
        var current = TestTables.Of(
            TestTables.Numbers("x", 4, 4, 4, 4),
            TestTables.Booleans("flag", false, false, false, true),
            TestTables.Numbers("empty", double.NaN, double.NaN, double.NaN, double.NaN));

        var report = CheckRunner.Compare(new CheckRequest { ReferencePath = "r.csv", CurrentPath = "c.csv" }, new GatePolicy(), reference, current);
        var columns = report.Drift.Columns.ToDictionary(c => c.Name);

        // Four of each over both files: a tie, so by name.
        Assert.Equal(["false", "true"], columns["flag"].Distribution!.Bins);
        Assert.Equal([0.25, 0.75], columns["flag"].Distribution!.Reference);
        Assert.Equal([0.75, 0.25], columns["flag"].Distribution!.Current);
        Assert.Equal(1.0, columns["x"].Distribution!.Current[^1]);
        Assert.Null(columns["empty"].Distribution);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(12.5, "12.5")]
    [InlineData(20.0, "20")]
    [InlineData(-3.14159, "-3.142")]
    [InlineData(12345.678, "12346")]
    [InlineData(0.0123456, "0.01235")]
    [InlineData(2500000.0, "2.5E+6")]
    [InlineData(0.00001234, "1.234E-5")]
    public void Compact_numbers_keep_four_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, CompactNumber.Format(value));
    }
}
