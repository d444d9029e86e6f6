using AdaptGate.Core.Data;
using AdaptGate.Core.Sql;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>The shared profile queries in ClickHouse's dialect, run by the cluster over its Distributed table.</summary>
[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseDialectTests(ClickHouseCluster cluster)
{
    private static readonly ClickHouseDialect Dialect = ClickHouseDialect.Instance;

    [Fact]
    public void DescribeGivesEachColumnsTypeAndKind()
    {
        using var runner = Runner(out var queries);

        var described = runner.Query(queries.Describe()).Select(r => ((string)r[0]!, Dialect.Classify((string)r[1]!).Kind)).ToArray();

        Assert.Equal(
            [("n00", ColumnKind.Numeric), ("n01", ColumnKind.Numeric), ("n02", ColumnKind.Numeric), ("n03", ColumnKind.Numeric), ("c0", ColumnKind.Categorical), ("c1", ColumnKind.Categorical)],
            described);
    }

    [Fact]
    public void MomentsAreTheDatasOwn()
    {
        using var runner = Runner(out var queries);
        var columns = Columns(runner, queries);
        var n00 = cluster.Table("events").Columns[0].Cells.Where(c => c is not null).Select(c => (double)c!).ToArray();
        var mean = n00.Average();
        var variance = n00.Select(v => (v - mean) * (v - mean)).Average();

        var row = Assert.Single(runner.Query(queries.Moments(columns)));

        Assert.Equal(24_000L, row[0]);
        Assert.Equal((long)n00.Length, row[1]);
        Assert.Equal(n00.Min(), row[2]);
        Assert.Equal(n00.Max(), row[3]);
        Assert.Equal(mean, (double)row[4]!, 1e-12 * Math.Abs(mean));
        Assert.Equal(variance, (double)row[5]!, 1e-9 * variance);
        Assert.Equal(n00.Max(v => v - Math.Floor(v)), row[6]);
        Assert.Equal(24_000L, row[1 + (4 * SqlProfileQueries.NumberMomentsWidth) + 1]);
        Assert.Equal(24_000L - cluster.Table("events").Columns[4].Cells.Count(c => c is null), row[1 + (4 * SqlProfileQueries.NumberMomentsWidth)]);
    }

    [Fact]
    public void CategoryCountsAreComputedAcrossTheShards()
    {
        using var runner = Runner(out var queries);
        var c0 = Columns(runner, queries).Single(c => c.Name == "c0");
        var expected = cluster.Table("events").Columns[4].Cells.Where(c => c is not null).GroupBy(c => (string)c!).ToDictionary(g => g.Key, g => (long)g.Count());

        var counts = runner.Query(queries.Categories(c0)).ToDictionary(r => (string)r[0]!, r => (long)r[1]!);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void BelowCountsAtEdgesThatAreValuesCountStrictlyBelow()
    {
        using var runner = Runner(out var queries);
        var n03 = Columns(runner, queries).Single(c => c.Name == "n03");
        var n02 = Columns(runner, queries).Single(c => c.Name == "n02");
        var counts = cluster.Table("events").Columns[3].Cells.Select(c => (double)c!).ToArray();
        var uniform = cluster.Table("events").Columns[2].Cells.Select(c => (double)c!).Order().ToArray();
        double[] integerEdges = [2, 4, 7];
        double[] valueEdges = [uniform[100], uniform[12_000], 5e-324];

        var row = Assert.Single(runner.Query(queries.BelowCounts([(n03, integerEdges), (n02, valueEdges)])));

        Assert.Equal(
            [24_000L, .. integerEdges.Select(e => (long)counts.Count(v => v < e)), 100L, 12_000L, 0L],
            row.Select(v => (long)v!));
    }

    [Fact]
    public void SortedValuesComeBackInOrderWithoutTheMissing()
    {
        using var runner = Runner(out var queries, "table=small");
        var n00 = Columns(runner, queries).Single(c => c.Name == "n00");
        var expected = cluster.Table("small").Columns[0].Cells.Where(c => c is not null).Select(c => (double)c!).Order().ToArray();

        var values = runner.Query(queries.SortedValues(n00)).Select(r => (double)r[0]!).ToArray();

        Assert.Equal(expected, values);
    }

    [Fact]
    public void LiteralsReadBackAsTheSameDouble()
    {
        using var runner = Runner(out _);
        double[] values = [0.1, -1.5, 1e300, double.MaxValue, -double.MaxValue, double.Epsilon, -2.5e-320, 2.2250738585072014e-308, 36.28207278584539];

        var row = Assert.Single(runner.Query("SELECT " + string.Join(", ", values.Select(Dialect.DoubleLiteral))));

        Assert.Equal(values, row.Select(v => (double)v!));
    }

    [Fact]
    public void StringsAndNamesAreQuoted()
    {
        using var runner = Runner(out _);

        var row = Assert.Single(runner.Query($"SELECT {Dialect.QuoteString("it's a \\ test")} AS {Dialect.QuoteIdentifier("we`ird name")}"));

        Assert.Equal("it's a \\ test", row[0]);
    }

    [Theory]
    [InlineData("Nullable(Float64)", ColumnKind.Numeric)]
    [InlineData("LowCardinality(Nullable(String))", ColumnKind.Categorical)]
    [InlineData("Enum8('a' = 1, 'b' = 2)", ColumnKind.Categorical)]
    [InlineData("Decimal(10, 2)", ColumnKind.Numeric)]
    [InlineData("DateTime('Europe/Berlin')", ColumnKind.Datetime)]
    [InlineData("Date", ColumnKind.Datetime)]
    [InlineData("UInt8", ColumnKind.Numeric)]
    [InlineData("Bool", ColumnKind.Boolean)]
    [InlineData("Array(Int32)", null)]
    public void TypesMapToKinds(string type, ColumnKind? kind)
    {
        var classified = Dialect.Classify(type);

        Assert.Equal(kind, classified.Kind);
        Assert.Equal(kind is null, classified.SkipReason is not null);
    }

    [Fact]
    public void DatesAndTimesAreSecondsSince1970Utc()
    {
        using var runner = Runner(out _);
        var date = Dialect.Classify("Date");
        var time = Dialect.Classify("DateTime('Asia/Tokyo')");

        var row = Assert.Single(runner.Query(
            $"SELECT {Dialect.NumberOf("d", date)}, {Dialect.NumberOf("t", time)} FROM (SELECT toDate('2020-01-02') AS d, toDateTime('2020-01-02 03:04:05', 'Asia/Tokyo') AS t)"));

        Assert.Equal(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (double)row[0]!);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(9)).ToUnixTimeSeconds(), (double)row[1]!);
    }

    private static SqlSourceColumn[] Columns(ClickHouseRunner runner, SqlProfileQueries queries) =>
        [.. runner.Query(queries.Describe()).Select((r, i) => new SqlSourceColumn((string)r[0]!, i, Dialect.Classify((string)r[1]!)))];

    private ClickHouseRunner Runner(out SqlProfileQueries queries, string relation = "table=events")
    {
        var source = ClickHouseSource.Parse(cluster.Source(relation));
        queries = new SqlProfileQueries(Dialect, source.Query);
        return new ClickHouseRunner(source, cluster.Credentials);
    }
}
