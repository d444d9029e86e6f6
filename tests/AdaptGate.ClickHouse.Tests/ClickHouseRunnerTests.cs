using System.Globalization;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseRunnerTests(ClickHouseCluster cluster)
{
    [Fact]
    public async Task AQueryReturnsNamesTypesAndCellsWithNullAsNull()
    {
        using var runner = Runner("table=events");

        var result = await runner.QueryTextAsync("SELECT count() AS n, countIf(isNull(n00)) AS missing, toNullable(NULL) AS nothing, " + @"'a\tb\nc\\d'" + " AS text FROM events");

        Assert.Equal(["n", "missing", "nothing", "text"], result.Names);
        Assert.Equal(["UInt64", "UInt64", "Nullable(Nothing)", "String"], result.Types);
        var row = Assert.Single(result.Rows);
        Assert.Equal("24000", row[0]);
        Assert.Equal(cluster.Table("events").Columns[0].Cells.Count(c => c is null).ToString(CultureInfo.InvariantCulture), row[1]);
        Assert.Null(row[2]);
        Assert.Equal("a\tb\nc\\d", row[3]);
    }

    [Fact]
    public void ValuesComeBackTypedByTheirColumnsTypes()
    {
        using var runner = Runner("table=events");

        var row = Assert.Single(runner.Query("SELECT count() AS n, toInt8(-3) AS i, toUInt64(18446744073709551615) AS big, toFloat64(1) / 0 AS inf, toNullable(toFloat64(0.5)) AS half, toFloat32(0) / 0 AS nan, 'x' AS s, CAST(NULL AS Nullable(Float64)) AS none FROM events"));

        Assert.Equal([24_000L, -3L, ulong.MaxValue, double.PositiveInfinity, 0.5, double.NaN, "x", null], row);
    }

    [Fact]
    public async Task DoublesComeBackBitForBit()
    {
        using var runner = Runner("table=events");
        var expected = cluster.Table("events").Columns.Single(c => c.Name == "n02").Cells.Select(c => (double)c!).Order().Take(500).ToArray();

        var result = await runner.QueryAsync("SELECT n02 FROM events ORDER BY n02 LIMIT 500");

        Assert.Equal(expected, result.Select(r => (double)r[0]!));
    }

    [Fact]
    public void TheSourcesQuerySelectsItsRows()
    {
        var table = ClickHouseSource.Parse(cluster.Source("table=small"));
        var query = ClickHouseSource.Parse(cluster.Source("query=SELECT * FROM small WHERE c1 = 'level_1_3';"));
        using var runner = Runner("table=small");

        var all = runner.Query($"SELECT count() FROM ({table.Query})");
        var some = runner.Query($"SELECT count() FROM ({query.Query})");

        Assert.Equal(3000L, all[0][0]);
        Assert.Equal((long)cluster.Table("small").Columns.Single(c => c.Name == "c1").Cells.Count(c => (string?)c == "level_1_3"), some[0][0]);
    }

    private ClickHouseRunner Runner(string relation) => new(ClickHouseSource.Parse(cluster.Source(relation)), cluster.Credentials);
}
