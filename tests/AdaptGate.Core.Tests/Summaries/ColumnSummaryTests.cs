using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Tests.Summaries;

/// <summary>Summaries of raw columns, and comparisons that read a sketch where the reference's values are not held.</summary>
public sealed class ColumnSummaryTests
{
    [Fact]
    public void A_numeric_summary_holds_counts_moments_and_the_reference_plan()
    {
        using var summary = ColumnSummarizer.Reference(new NumericColumn("x", [4, double.NaN, 1, 2, 3, 10]));

        Assert.Equal(6, summary.Rows);
        Assert.Equal(1, summary.Missing);
        Assert.Equal(new NumericMoments(5, 1, 10, 4, 50, true), summary.Moments);
        Assert.Equal(QuantileBinning.Edges([1, 2, 3, 4, 10]), summary.Edges);
        Assert.Equal(5, summary.BinCounts!.Sum());
        Assert.True(summary.DistinctIntegers);
    }

    [Fact]
    public void The_current_side_is_counted_under_the_reference_s_plan()
    {
        using var reference = ColumnSummarizer.Reference(new NumericColumn("x", [.. Enumerable.Range(0, 100).Select(i => (double)i)]));
        using var current = ColumnSummarizer.Current(new NumericColumn("x", [-5, 0, 50, 50.5, 99, 200]), reference);

        Assert.Same(reference.Edges, current.Edges);
        Assert.Equal(QuantileBinning.Counts([-5, 0, 50, 50.5, 99, 200], reference.Edges!), current.BinCounts);
        Assert.Equal(2, current.BinCounts![0]);
        Assert.Equal(2, current.BinCounts[^1]);
    }

    [Fact]
    public void Moments_of_parts_merge_to_the_moments_of_the_whole()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble() * 100).ToArray();

        var whole = NumericMoments.Of(values);
        var merged = NumericMoments.Of(values.AsSpan(0, 3000)).Merge(NumericMoments.Of(values.AsSpan(3000)));

        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.Min, merged.Min);
        Assert.Equal(whole.Max, merged.Max);
        Assert.Equal(whole.Mean, merged.Mean, 1e-12);
        Assert.Equal(whole.M2, merged.M2, whole.M2 * 1e-12);
        Assert.False(merged.AllInteger);
    }

    [Fact]
    public void A_categorical_summary_counts_categories()
    {
        using var summary = ColumnSummarizer.Reference(new CategoricalColumn("c", [0, 1, 1, -1], ["a", "b"]));

        Assert.False(summary.IsNumeric);
        Assert.Equal(1, summary.Missing);
        Assert.Equal([1L, 2L], summary.Categories!.Counts);
        Assert.Null(summary.Moments);
    }

    public static TheoryData<string, DriftMethod> SketchCases => new()
    {
        { "shifted", DriftMethod.Ks },
        { "shifted", DriftMethod.Wasserstein },
        { "same", DriftMethod.Ks },
        { "same", DriftMethod.Wasserstein },
        { "wider", DriftMethod.Wasserstein },
    };

    /// <summary>KS and Wasserstein from the reference's sketch land within the stated bound of the exact scores.</summary>
    [Theory]
    [MemberData(nameof(SketchCases))]
    public void Sketch_scores_are_within_their_bound_of_the_exact_scores(string shape, DriftMethod method)
    {
        var (referenceValues, currentValues) = Samples(shape, 200_000, 50_000);
        using var reference = ColumnSummarizer.Reference(new NumericColumn("x", referenceValues));
        using var current = ColumnSummarizer.Current(new NumericColumn("x", currentValues), reference);
        using var profiled = WithoutValues(reference);

        var exact = SummaryDriftTest.Run(reference, current, method, 0.05);
        var approximate = SummaryDriftTest.Run(profiled, current, method, 0.05);

        Assert.Null(exact.ScoreBound);
        Assert.Equal(DriftTest.Numeric(reference.Values!, current.Values!, method, 0.05), exact);
        Assert.NotNull(approximate.ScoreBound);
        Assert.InRange(Math.Abs(approximate.Score - exact.Score), 0, approximate.ScoreBound!.Value);
        if (method == DriftMethod.Ks)
        {
            Assert.Equal(KllSketch.RankErrorBound, approximate.ScoreBound);
        }

        Assert.Equal(exact.Drifted, approximate.Drifted);
    }

    [Fact]
    public void Binned_methods_read_the_same_counts_from_a_profile_as_from_the_values()
    {
        var (referenceValues, currentValues) = Samples("shifted", 50_000, 20_000);
        using var reference = ColumnSummarizer.Reference(new NumericColumn("x", referenceValues));
        using var current = ColumnSummarizer.Current(new NumericColumn("x", currentValues), reference);
        using var profiled = WithoutValues(reference);

        foreach (var method in new[] { DriftMethod.Psi, DriftMethod.JensenShannon })
        {
            var exact = DriftTest.Numeric(reference.Values!, current.Values!, method);
            Assert.Equal(exact, SummaryDriftTest.Run(profiled, current, method, exact.Threshold));
        }
    }

    [Fact]
    public void A_comparison_against_a_sketch_says_it_is_approximate_and_keeps_the_chart()
    {
        var (referenceValues, currentValues) = Samples("shifted", 100_000, 30_000);
        using var reference = ColumnSummarizer.Reference(new NumericColumn("x", referenceValues));
        using var current = ColumnSummarizer.Current(new NumericColumn("x", currentValues), reference);
        using var profiled = WithoutValues(reference);
        var comparer = new ColumnComparer(new CheckSettings(new GatePolicy(), new CheckRequest { ReferencePath = "r.csv", CurrentPath = "c.csv" }));

        var exact = comparer.Compare(reference, current).Drift!;
        var approximate = comparer.Compare(profiled, current).Drift!;

        Assert.Equal("wasserstein", approximate.Method);
        Assert.True(exact.Exact);
        Assert.Null(exact.ScoreBound);
        Assert.False(approximate.Exact);
        Assert.True(approximate.ScoreBound > 0);
        Assert.Equal(exact.Distribution!.Bins, approximate.Distribution!.Bins);
        Assert.Equal(exact.Distribution.Reference, approximate.Distribution.Reference);
        Assert.Equal(exact.Psi, approximate.Psi);
        Assert.Equal(exact.Drifted, approximate.Drifted);
    }

    private static ColumnSummary WithoutValues(ColumnSummary summary) => new()
    {
        Name = summary.Name,
        Kind = summary.Kind,
        IsNumeric = summary.IsNumeric,
        Rows = summary.Rows,
        Missing = summary.Missing,
        Moments = summary.Moments,
        DistinctIntegers = summary.DistinctIntegers,
        Edges = summary.Edges,
        BinCounts = summary.BinCounts,
        Sketch = summary.Sketch,
    };

    private static (double[] Reference, double[] Current) Samples(string shape, int n, int m)
    {
        var random = new Random(17);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var reference = Enumerable.Range(0, n).Select(_ => 50 + (10 * Normal())).ToArray();
        var current = Enumerable.Range(0, m).Select(_ => shape switch
        {
            "shifted" => 53 + (10 * Normal()),
            "wider" => 50 + (14 * Normal()),
            _ => 50 + (10 * Normal()),
        }).ToArray();
        return (reference, current);
    }
}
