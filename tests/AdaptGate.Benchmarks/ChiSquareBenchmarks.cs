using AdaptGate.Core.Drift;
using BenchmarkDotNet.Attributes;

namespace AdaptGate.Benchmarks;

/// <summary>A categorical column: counting 1M dictionary codes per side, then the chi-squared test on the 2×k table.</summary>
public class ChiSquareBenchmarks
{
    private static readonly string[] Categories = [.. Enumerable.Range(0, 12).Select(i => $"level_{i}")];
    private int[] _reference = [];
    private int[] _current = [];
    private long[] _referenceCounts = [];
    private long[] _currentCounts = [];

    [GlobalSetup]
    public void Setup()
    {
        _reference = SampleData.Codes(1_000_000, Categories.Length, seed: 1);
        _current = SampleData.Codes(1_000_000, Categories.Length, seed: 2);
        _referenceCounts = CategoricalSummary.FromCodes(_reference, Categories).Counts;
        _currentCounts = CategoricalSummary.FromCodes(_current, Categories).Counts;
    }

    [Benchmark]
    public DriftTestResult CountAndTest() => DriftTest.Categorical(
        CategoricalSummary.FromCodes(_reference, Categories),
        CategoricalSummary.FromCodes(_current, Categories),
        DriftMethod.ChiSquare);

    [Benchmark]
    public (double, double, int) TestOnly() => ChiSquareTest.Homogeneity(_referenceCounts, _currentCounts);
}
