using AdaptGate.Tool.Cli;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>
/// What goes wrong profiling inside the cluster is exit 2 with one message naming the server or the shard, never a
/// stack trace, never the password, and never a profile written from part of the rows.
/// </summary>
[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClusterProfileErrorTests(ClickHouseCluster cluster) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adaptgate-clickhouse-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Output => Path.Combine(_folder, "out.agprofile");

    [Fact]
    public void AShardThatIsDownIsNamedAndNoProfileIsWritten()
    {
        var run = Profile(cluster.Source("table=events_broken"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"did not answer: 127.0.0.1:{cluster.DeadPort} (Connection refused). No profile was made", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Start or repair the server at 127.0.0.1:{cluster.DeadPort}", run.Stderr, StringComparison.Ordinal);
        AssertOneCleanError(run);
    }

    [Fact]
    public void AWrongPasswordSaysSoWithoutPrintingIt()
    {
        const string wrong = "wrong-pw-31337";

        var run = Profile(cluster.Source("table=events"), ClusterProfileTests.Login(wrong));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"ClickHouse at 127.0.0.1:{cluster.Entry.HttpPort} refused the login of user 'adaptgate': Wrong password for user adaptgate", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Check the user and password (ADAPTGATE_CLICKHOUSE_USER and ADAPTGATE_CLICKHOUSE_PASSWORD)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, run.Output, StringComparison.Ordinal);
        AssertOneCleanError(run);
    }

    [Fact]
    public void TheRightPasswordIsPrintedNowhereEitherEvenWhenTheServerQuotesIt()
    {
        var ok = Profile(cluster.Source("table=small"));
        var quoted = Profile(cluster.Source($"query=SELECT n00 FROM small WHERE c1 = '{cluster.Password}' AND nope = 1"));

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(ExitCodes.BadInput, quoted.ExitCode);
        Assert.DoesNotContain(cluster.Password, ok.Output + quoted.Output, StringComparison.Ordinal);
        Assert.Contains("c1 = '***' AND nope = 1", quoted.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadOnlyUserProfilesButOneWithoutSettingsIsToldWhatToChange()
    {
        var reader = Profile(cluster.Source("table=small"), ClusterProfileTests.Login(cluster.Password, ClickHouseServer.ReaderUser));
        File.Delete(Output);
        var strict = Profile(cluster.Source("table=small"), ClusterProfileTests.Login(cluster.Password, ClickHouseServer.ReadonlyUser));

        Assert.True(reader.ExitCode == 0, reader.Output);
        Assert.Equal(ExitCodes.BadInput, strict.ExitCode);
        Assert.Contains($"refuses user '{ClickHouseServer.ReadonlyUser}' the query settings every request of AdaptGate's client carries (the user has readonly = 1)", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("Give the user readonly = 2", strict.Stderr, StringComparison.Ordinal);
        AssertOneCleanError(strict);
    }

    [Fact]
    public void AQueryThatFailsGivesTheServersMessageAndTheQuery()
    {
        var run = Profile(cluster.Source("query=SELECT n00, missing_column FROM events"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"ClickHouse at 127.0.0.1:{cluster.Entry.HttpPort} could not run the query: Unknown identifier: missing_column. The query: SELECT n00, missing_column FROM events. Run the query in clickhouse-client", run.Stderr, StringComparison.Ordinal);
        AssertOneCleanError(run);
    }

    [Fact]
    public void AServerThatRefusesTheConnectionIsNamed()
    {
        var run = Profile($"clickhouse://127.0.0.1:{cluster.DeadPort}/default?table=events");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"ClickHouse at 127.0.0.1:{cluster.DeadPort} refused the connection", run.Stderr, StringComparison.Ordinal);
        AssertOneCleanError(run);
    }

    [Fact]
    public void AnAddressWithCredentialsIsRefusedWithoutEchoingThem()
    {
        var run = Profile($"clickhouse://adaptgate:{cluster.Password}@127.0.0.1:{cluster.Entry.HttpPort}/default?table=events", new Dictionary<string, string>());

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"error: clickhouse://***@127.0.0.1:{cluster.Entry.HttpPort}/default?table=events: Not a ClickHouse source: the address holds credentials", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Password, run.Output, StringComparison.Ordinal);
        AssertOneCleanError(run);
    }

    private CliRun Profile(string source, Dictionary<string, string>? login = null) =>
        CliRun.With(login ?? ClusterProfileTests.Login(cluster.Password), "profile", source, "--output", Output);

    private void AssertOneCleanError(CliRun run)
    {
        Assert.Empty(run.Stdout);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Output), "a profile was written");
    }
}
