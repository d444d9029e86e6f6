using System.Globalization;
using AdaptGate.Core;
using AdaptGate.Core.Sql;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>What goes wrong between AdaptGate and a cluster comes back as one message that names the server (or the shard) and what to do.</summary>
[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseErrorTests(ClickHouseCluster cluster)
{
    [Fact]
    public async Task AWrongPasswordSaysSoAndNamesTheUserAndTheServerButNotThePassword()
    {
        const string wrong = "not-the-password-4711";
        using var client = new ClickHouseRunner(Source(), new SqlCredentials(ClickHouseCluster.User, wrong, "ADAPTGATE_CLICKHOUSE_USER and ADAPTGATE_CLICKHOUSE_PASSWORD"));

        var e = await Assert.ThrowsAsync<InputException>(() => client.QueryTextAsync("SELECT 1"));

        var text = e.Describe();
        Assert.Contains($"ClickHouse at 127.0.0.1:{cluster.Entry.HttpPort} refused the login of user 'adaptgate': Wrong password for user adaptgate", text, StringComparison.Ordinal);
        Assert.Contains("ADAPTGATE_CLICKHOUSE_PASSWORD", text, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, text, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Password, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryThatFailsGivesTheServersMessageAndTheQuery()
    {
        var source = ClickHouseSource.Parse(cluster.Source("query=SELECT count() FROM no_such_table"));
        using var failing = new ClickHouseRunner(source, cluster.Credentials);

        var e = await Assert.ThrowsAsync<InputException>(() => failing.QueryTextAsync($"SELECT * FROM ({source.Query})"));

        Assert.Equal(
            $"ClickHouse at 127.0.0.1:{cluster.Entry.HttpPort} could not run the query: Table default.no_such_table doesn't exist. The query: SELECT count() FROM no_such_table",
            e.Message);
        Assert.Equal(source.Argument, e.FilePath);
    }

    [Fact]
    public async Task AServerThatIsNotThereRefusesTheConnection()
    {
        var source = ClickHouseSource.Parse($"clickhouse://127.0.0.1:{cluster.DeadPort}/default?table=events");
        using var client = new ClickHouseRunner(source, cluster.Credentials);

        var e = await Assert.ThrowsAsync<InputException>(() => client.QueryTextAsync("SELECT 1"));

        Assert.Equal($"ClickHouse at 127.0.0.1:{cluster.DeadPort} refused the connection: nothing listens there.", e.Message);
        Assert.Contains("HTTP port", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShardThatIsDownIsNamedAndNoRowsComeBack()
    {
        using var client = new ClickHouseRunner(Source(), cluster.Credentials);

        var e = await Assert.ThrowsAsync<InputException>(() => client.QueryTextAsync("SELECT count() FROM events_broken"));

        Assert.StartsWith(
            $"A shard of the cluster behind ClickHouse at 127.0.0.1:{cluster.Entry.HttpPort} did not answer: 127.0.0.1:{cluster.DeadPort} (Connection refused). No profile was made",
            e.Message,
            StringComparison.Ordinal);
        Assert.Equal($"Start or repair the server at 127.0.0.1:{cluster.DeadPort}, then run again.", e.Hint);
    }

    [Fact]
    public async Task AUserWhoseSettingsSkipShardsThatAreDownStillGetsTheErrorNotAPartialCount()
    {
        var lenient = new SqlCredentials(ClickHouseServer.LenientUser, cluster.Password, "the test cluster's lenient user");
        var partial = await cluster.ExecuteAsync(cluster.Entry, "SELECT count() FROM events_broken SETTINGS skip_unavailable_shards = 1");
        using var client = new ClickHouseRunner(Source(), lenient);

        var e = await Assert.ThrowsAsync<InputException>(() => client.QueryTextAsync("SELECT count() FROM events_broken"));

        // The lenient answer is the first shard's part alone: what the client must never let through.
        Assert.Equal(Enumerable.Range(0, 24_000).Count(r => ClusterTable.ShardOf(r) == 0).ToString(CultureInfo.InvariantCulture) + "\n", partial);
        Assert.Contains($"did not answer: 127.0.0.1:{cluster.DeadPort}", e.Message, StringComparison.Ordinal);
    }

    private ClickHouseSource Source() => ClickHouseSource.Parse(cluster.Source("table=events"));
}
