using System.Globalization;
using System.Text;
using AdaptGate.Core.Data;
using BenchmarkDotNet.Attributes;

namespace AdaptGate.Benchmarks;

/// <summary>Loading a CSV of the bench files' shape (20 numeric, 5 categorical columns) into columns, with kind inference and validation.</summary>
public class CsvLoadBenchmarks
{
    private string _path = string.Empty;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"adaptgate-bench-{Guid.NewGuid():N}.csv");
        var random = new Random(1);
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, 20).Select(i => $"n{i:00}").Concat(Enumerable.Range(0, 5).Select(j => $"c{j}"))).Append('\n');
        for (var row = 0; row < Rows; row++)
        {
            for (var i = 0; i < 20; i++)
            {
                text.Append(Math.Round(random.NextDouble() * 100, 4).ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            for (var j = 0; j < 5; j++)
            {
                text.Append("level_").Append(j).Append('_').Append(random.Next(8 + j)).Append(j < 4 ? ',' : '\n');
            }
        }

        File.WriteAllText(_path, text.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public DataTable Load() => TableReader.Read(_path);
}
