using AdaptGate.Core.Drift;
using BenchmarkDotNet.Attributes;

namespace AdaptGate.Benchmarks;

/// <summary>PSI/Jensen-Shannon on numbers: decile edges of the reference and the counts per bin of both samples.</summary>
public class BinningBenchmarks
{
    private double[] _reference = [];
    private double[] _current = [];

    [GlobalSetup]
    public void Setup()
    {
        _reference = SampleData.SortedNormal(1_000_000, 50, seed: 1);
        _current = SampleData.SortedNormal(1_000_000, 50.5, seed: 2);
    }

    [Benchmark]
    public double QuantileBinningPsi()
    {
        var edges = QuantileBinning.Edges(_reference);
        return PopulationStabilityIndex.FromCounts(QuantileBinning.Counts(_reference, edges), QuantileBinning.Counts(_current, edges));
    }

    [Benchmark]
    public double Wasserstein() => WassersteinDistance.Normalized(_reference, _current);
}
