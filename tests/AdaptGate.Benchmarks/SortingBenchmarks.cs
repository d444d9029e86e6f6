using AdaptGate.Core.Drift;
using BenchmarkDotNet.Attributes;

namespace AdaptGate.Benchmarks;

/// <summary>A numeric summary (drop missing values, sort) against the Array.Sort it replaced: the dominant cost of a check.</summary>
public class SortingBenchmarks
{
    private double[] _values = [];

    [Params(10_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _values = SampleData.Normal(Rows, 50, seed: 1);

    [Benchmark(Baseline = true)]
    public double ArraySortCopy()
    {
        var copy = (double[])_values.Clone();
        Array.Sort(copy);
        return copy[^1];
    }

    [Benchmark]
    public double NumericSummaryFromValues()
    {
        using var summary = NumericSummary.FromValues(_values);
        return summary.Sorted[^1];
    }
}
