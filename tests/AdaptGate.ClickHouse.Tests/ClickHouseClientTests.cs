using System.Globalization;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClientTests(ClickHouseCluster cluster)
{
    [Fact]
    public async Task AQueryReturnsNamesTypesAndCellsWithNullAsNull()
    {
        using var client = Client("table=events");

        var result = await client.QueryAsync("SELECT count() AS n, countIf(isNull(n00)) AS missing, toNullable(NULL) AS nothing, " + @"'a\tb\nc\\d'" + " AS text FROM events");

        Assert.Equal(["n", "missing", "nothing", "text"], result.Names);
        Assert.Equal(["UInt64", "UInt64", "Nullable(Nothing)", "String"], result.Types);
        var row = Assert.Single(result.Rows);
        Assert.Equal("24000", row[0]);
        Assert.Equal(cluster.Table("events").Columns[0].Cells.Count(c => c is null).ToString(CultureInfo.InvariantCulture), row[1]);
        Assert.Null(row[2]);
        Assert.Equal("a\tb\nc\\d", row[3]);
    }

    [Fact]
    public async Task DoublesComeBackBitForBit()
    {
        using var client = Client("table=events");
        var expected = cluster.Table("events").Columns.Single(c => c.Name == "n02").Cells.Select(c => (double)c!).Order().Take(500).ToArray();

        var result = await client.QueryAsync("SELECT n02 FROM events ORDER BY n02 LIMIT 500");

        Assert.Equal(expected, result.Rows.Select(r => double.Parse(r[0]!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task TheSourcesRelationSelectsItsRows()
    {
        var table = ClickHouseSource.Parse(cluster.Source("table=small"));
        var query = ClickHouseSource.Parse(cluster.Source("query=SELECT * FROM small WHERE c1 = 'level_1_3';"));
        using var client = Client("table=small");

        var all = await client.QueryAsync($"SELECT count() FROM {table.Relation}");
        var some = await client.QueryAsync($"SELECT count() FROM {query.Relation}");

        Assert.Equal("3000", all.Rows[0][0]);
        Assert.Equal(cluster.Table("small").Columns.Single(c => c.Name == "c1").Cells.Count(c => (string?)c == "level_1_3").ToString(CultureInfo.InvariantCulture), some.Rows[0][0]);
    }

    private ClickHouseDriverClient Client(string relation) => new(ClickHouseSource.Parse(cluster.Source(relation)), cluster.Credentials);
}
