using AdaptGate.Core.Drift;
using BenchmarkDotNet.Attributes;

namespace AdaptGate.Benchmarks;

/// <summary>
/// KS on sorted samples: the exact p-value (SciPy uses it while max(n, m) &lt;= 10000) and the
/// asymptotic kstwo one above that; the statistic itself is one merge over both arrays.
/// </summary>
public class KolmogorovSmirnovBenchmarks
{
    private double[] _exactReference = [];
    private double[] _exactCurrent = [];
    private double[] _largeReference = [];
    private double[] _largeCurrent = [];

    [GlobalSetup]
    public void Setup()
    {
        _exactReference = SampleData.SortedNormal(10_000, 50, seed: 1);
        _exactCurrent = SampleData.SortedNormal(8_000, 50.5, seed: 2);
        _largeReference = SampleData.SortedNormal(1_000_000, 50, seed: 3);
        _largeCurrent = SampleData.SortedNormal(1_000_000, 50.1, seed: 4);
    }

    [Benchmark]
    public (double, double) ExactPValue10kBy8k() => KolmogorovSmirnov.TwoSample(_exactReference, _exactCurrent);

    [Benchmark]
    public (double, double) AsymptoticPValue1MBy1M() => KolmogorovSmirnov.TwoSample(_largeReference, _largeCurrent);

    [Benchmark]
    public double AsymptoticPValueOnly() => KolmogorovSmirnov.AsymptoticPValue(_largeReference.Length, _largeCurrent.Length, 0.0021);
}
