using System.Globalization;

namespace AdaptGate.ClickHouse.Tests;

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClusterFixtureTests(ClickHouseCluster cluster)
{
    [Fact]
    public async Task EachShardHoldsItsPartAndTheDistributedTableTheWhole()
    {
        var table = cluster.Table("events");
        var expected = Enumerable.Range(0, table.Rows).GroupBy(ClusterTable.ShardOf).ToDictionary(g => g.Key, g => g.Count());

        var first = long.Parse(await cluster.ExecuteAsync(cluster.Shards[0], "SELECT count() FROM events_local"), CultureInfo.InvariantCulture);
        var second = long.Parse(await cluster.ExecuteAsync(cluster.Shards[1], "SELECT count() FROM events_local"), CultureInfo.InvariantCulture);
        var whole = long.Parse(await cluster.ExecuteAsync(cluster.Entry, "SELECT count() FROM events"), CultureInfo.InvariantCulture);

        Assert.Equal(expected[0], first);
        Assert.Equal(expected[1], second);
        Assert.Equal(24_000, whole);
        Assert.True(first > second && second > 0, $"the shards hold {first} and {second} rows");
    }

    [Fact]
    public async Task TheDistributedTableReachesTheSecondShardOverTheClustersPorts()
    {
        var hosts = await cluster.ExecuteAsync(cluster.Entry, "SELECT shard_num, port FROM system.clusters WHERE cluster = 'adaptgate' ORDER BY shard_num FORMAT TabSeparated");

        Assert.Equal($"1\t{cluster.Shards[0].TcpPort}\n2\t{cluster.Shards[1].TcpPort}\n", hosts);
    }

    [Fact]
    public async Task TheServersListenOnLoopbackOnlyAndAskForThePassword()
    {
        var listen = await cluster.ExecuteAsync(cluster.Entry, "SELECT 1 FORMAT TabSeparated");
        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(new Uri($"http://127.0.0.1:{cluster.Entry.HttpPort}/?query=SELECT%201"));

        Assert.Equal("1\n", listen);
        Assert.False(anonymous.IsSuccessStatusCode, "a query without the password was answered");
    }
}
