using AdaptGate.Core.Drift;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Sql;
using AdaptGate.Core.Summaries;
using DuckDB.NET.Data;

namespace AdaptGate.Core.Tests.Sql;

/// <summary>
/// The bound a SQL profile states for a large column: the decile plan and the counts under it are exact, and the
/// sketch's rank of every value is within 2/1024 of the count of its true rank (docs/profiles.md, "SQL sources"), on
/// data made to defeat equal-width buckets: ties, a far outlier, values over many orders of magnitude, tight clusters.
/// Merged with a file's sketch it stays within the profile's 0.5%.
/// </summary>
public sealed class SqlRankBoundTests
{
    private const int Rows = 100_000;

    public static TheoryData<string> Shapes => new()
    {
        "i % 3",
        "CASE WHEN i = 0 THEN 1e12 ELSE (hash(i) % 1000000) / 1e6 END",
        "exp(((hash(i) % 1000000) / 1e6 - 0.5) * 40)",
        "CASE WHEN i % 2 = 0 THEN 1 + (hash(i) % 1000) / 1e13 ELSE -1e6 - (hash(i) % 1000) / 1e6 END",
        "i * 0.5 - 20000",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_plan_is_exact_and_the_sketch_within_its_bound(string expression)
    {
        var query = $"SELECT {expression} AS v FROM range({Rows}) AS t(i)";
        var sorted = Sorted(query);

        var column = SqlProfileSource.Profile("duckdb:" + query).Body.Columns.Single();

        Assert.Null(column.Values);
        Assert.Equal(QuantileBinning.Edges(sorted), column.Edges);
        Assert.Equal(QuantileBinning.Counts(sorted, column.Edges), column.BinCounts);
        var error = SketchRankError.Of(column.Sketch!, sorted);
        Assert.True(error < 2.0 / 1024, $"rank error {error}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Merged_with_a_file_sketch_it_stays_within_the_profile_s_bound(string expression)
    {
        var query = $"SELECT {expression} AS v FROM range({Rows}) AS t(i)";
        var sorted = Sorted(query);
        var sql = SqlProfileSource.Profile("duckdb:" + query).Body;
        var file = new KllSketch(seed: 99);
        var shifted = sorted.Select(v => (v * 1.5) + 1).ToArray();
        foreach (var v in shifted.Reverse())
        {
            file.Add(v);
        }

        var merged = ProfileSummaries.FromSketch(sql.Columns[0].Sketch!);
        merged.Merge(file);

        var error = SketchRankError.Of(ProfileSummaries.ToSketch(merged), [.. sorted.Concat(shifted).Order()]);
        Assert.True(error <= KllSketch.RankErrorBound, $"rank error {error}");
    }

    [Fact]
    public void Up_to_ten_thousand_values_are_held_and_one_more_is_sketched()
    {
        var held = SqlProfileSource.Profile("duckdb:SELECT i * 1.0 AS v FROM range(10000) AS t(i)").Body.Columns.Single();
        var sketched = SqlProfileSource.Profile("duckdb:SELECT i * 1.0 AS v FROM range(10001) AS t(i)").Body.Columns.Single();

        Assert.Equal(10_000, held.Values!.Length);
        Assert.Null(sketched.Values);
        Assert.Equal(QuantileBinning.Edges([.. Enumerable.Range(0, 10_001).Select(i => (double)i)]), sketched.Edges);
    }

    private static double[] Sorted(string query)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(v AS DOUBLE) FROM ({query}) ORDER BY 1";
        using var reader = command.ExecuteReader();
        var values = new List<double>();
        while (reader.Read())
        {
            values.Add(reader.GetDouble(0));
        }

        return [.. values];
    }
}
