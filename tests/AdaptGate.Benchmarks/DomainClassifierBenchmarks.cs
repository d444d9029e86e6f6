using AdaptGate.Core.Data;
using AdaptGate.Core.Multivariate;
using BenchmarkDotNet.Attributes;

namespace AdaptGate.Benchmarks;

/// <summary>The domain classifier (ML.NET FastTree, 5-fold) on two 20,000-row tables with one shifted column.</summary>
public class DomainClassifierBenchmarks
{
    private const int Rows = 20_000;
    private DataTable _reference = null!;
    private DataTable _current = null!;
    private string[] _features = [];

    [GlobalSetup]
    public void Setup()
    {
        _reference = Table("reference.csv", shift: 0, seed: 1);
        _current = Table("current.csv", shift: 1, seed: 2);
        _features = [.. _reference.Columns.Select(c => c.Name)];
    }

    [Benchmark]
    public double FiveFoldAuc() => DomainClassifier.Run(_reference, _current, _features, new DomainClassifierOptions()).Auc;

    private static DataTable Table(string name, double shift, int seed)
    {
        string[] categories = ["a", "b", "c", "d", "e", "f", "g", "h"];
        DataColumn[] columns =
        [
            new NumericColumn("n0", SampleData.Normal(Rows, 50 + shift, seed)),
            new NumericColumn("n1", SampleData.Normal(Rows, 10, seed + 10)),
            new NumericColumn("n2", SampleData.Normal(Rows, 0, seed + 20)),
            new CategoricalColumn("c0", SampleData.Codes(Rows, categories.Length, seed + 30), categories),
        ];
        return new DataTable(name, columns, Rows);
    }
}
