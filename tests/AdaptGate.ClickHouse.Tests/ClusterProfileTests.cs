using AdaptGate.Core.Profiles;
using AdaptGate.Core.Tests.Sql;
using AdaptGate.Tool.Cli;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>
/// <c>adaptgate profile clickhouse://…</c> against the two-shard cluster's Distributed tables: the summaries are
/// computed by the cluster, and the profile is the one the file path makes of the same rows.
/// </summary>
[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClusterProfileTests(ClickHouseCluster cluster) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adaptgate-clickhouse-profile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("events")]
    [InlineData("small")]
    public void TheClustersProfileIsTheFilesProfileOfTheSameRows(string table)
    {
        var fromCluster = Path.Combine(_folder, table + "-cluster.agprofile");
        var fromFile = Path.Combine(_folder, table + "-file.agprofile");

        var sql = CliRun.With(Login(cluster.Password), "profile", cluster.Source("table=" + table), "--output", fromCluster);
        var file = CliRun.With(Login(cluster.Password), "profile", cluster.CsvPath(table), "--output", fromFile);

        Assert.True(sql.ExitCode == 0, sql.Output);
        Assert.Equal(0, file.ExitCode);
        var profile = ProfileFile.Read(fromCluster);
        ProfileAssert.Same(ProfileFile.Read(fromFile), profile, cluster.Table(table));
        Assert.Equal([cluster.Source("table=" + table)], profile.Sources);
        Assert.StartsWith($"Wrote {fromCluster}: {cluster.Table(table).Rows:N0} rows, 6 columns", sql.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ACheckAgainstTheClustersProfileGivesTheVerdictOfACheckAgainstTheRows()
    {
        var fromCluster = Path.Combine(_folder, "events-for-check.agprofile");
        var profiled = CliRun.With(Login(cluster.Password), "profile", cluster.Source("table=events"), "--output", fromCluster);
        Assert.True(profiled.ExitCode == 0, profiled.Output);

        var current = cluster.CsvPath("small");
        var againstCluster = CliRun.With(Login(cluster.Password), "check", "--reference", fromCluster, "--current", current, "--format", "json", "--no-history");
        var againstRows = CliRun.With(Login(cluster.Password), "check", "--reference", cluster.CsvPath("events"), "--current", current, "--format", "json", "--no-history");

        Assert.True(againstRows.ExitCode is 0 or 1, againstRows.Output);
        Assert.Equal(againstRows.ExitCode, againstCluster.ExitCode);
        using var cluster1 = System.Text.Json.JsonDocument.Parse(againstCluster.Stdout);
        using var rows = System.Text.Json.JsonDocument.Parse(againstRows.Stdout);
        Assert.Equal(rows.RootElement.GetProperty("verdict").GetString(), cluster1.RootElement.GetProperty("verdict").GetString());
        string[] Drifted(System.Text.Json.JsonDocument d) =>
            [.. d.RootElement.GetProperty("drift").GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("drifted").GetBoolean()).Select(c => c.GetProperty("name").GetString()!)];
        Assert.Equal(Drifted(rows), Drifted(cluster1));
    }

    [Fact]
    public void AQuerySourceProfilesOnlyItsRows()
    {
        var output = Path.Combine(_folder, "some.agprofile");

        var run = CliRun.With(Login(cluster.Password), "profile", cluster.Source("query=SELECT n00, c1 FROM events WHERE n03 >= 5"), "--output", output);

        Assert.True(run.ExitCode == 0, run.Output);
        var profile = ProfileFile.Read(output);
        var n03 = cluster.Table("events").Columns.Single(c => c.Name == "n03").Cells;
        Assert.Equal(n03.Count(c => (double)c! >= 5), profile.Rows);
        Assert.Equal(["n00", "c1"], profile.Columns.Select(c => c.Name));
    }

    [Fact]
    public void TheClustersProfileMergesWithFileAndDuckDbProfilesAsTheWholeProfiles()
    {
        var clusterPart = Path.Combine(_folder, "part-cluster.agprofile");
        var duckPart = Path.Combine(_folder, "part-duckdb.agprofile");
        var merged = Path.Combine(_folder, "merged.agprofile");
        var whole = Path.Combine(_folder, "whole.agprofile");
        var login = Login(cluster.Password);

        var runs = new[]
        {
            CliRun.With(login, "profile", cluster.Source("table=events"), "--output", clusterPart),
            CliRun.With(login, "profile", $"duckdb:SELECT * FROM read_csv('{cluster.CsvPath("small")}')", "--output", duckPart),
            CliRun.With(login, "profile", "merge", clusterPart, duckPart, "--output", merged),
            CliRun.With(login, "profile", Path.Combine(cluster.Folder, "*.csv"), "--output", whole),
        };

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        var (expected, actual) = (ProfileFile.Read(whole), ProfileFile.Read(merged));
        Assert.Equal(expected.Rows, actual.Rows);
        foreach (var (e, a) in expected.Columns.Zip(actual.Columns))
        {
            Assert.Equal((e.Name, e.Kind, e.Rows, e.Missing), (a.Name, a.Kind, a.Rows, a.Missing));
            Assert.Equal(ProfileAssert.Categories(e), ProfileAssert.Categories(a));
            if (e.Moments is { } m)
            {
                Assert.Equal((m.Count, m.Min, m.Max, m.AllInteger), (a.Moments!.Count, a.Moments.Min, a.Moments.Max, a.Moments.AllInteger));
                ProfileAssert.Close(m.Mean, a.Moments.Mean);
                ProfileAssert.Close(m.M2, a.Moments.M2);
                var values = ProfileAssert.Sorted(cluster.Table("events"), e.Name).Concat(ProfileAssert.Sorted(cluster.Table("small"), e.Name)).Order().ToArray();
                var error = SketchRankError.Of(a.Sketch!, values);
                Assert.True(error <= ProfileAssert.SketchBound, $"{e.Name}: rank error {error}");
            }
        }
    }

    internal static Dictionary<string, string> Login(string password, string user = ClickHouseCluster.User) => new()
    {
        [SqlLogin.ClickHouseUserVariable] = user,
        [SqlLogin.ClickHousePasswordVariable] = password,
    };
}
