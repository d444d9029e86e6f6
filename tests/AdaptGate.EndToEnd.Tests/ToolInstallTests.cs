using System.Text.Json;

namespace AdaptGate.EndToEnd.Tests;

/// <summary>`dotnet tool install` from the packed feed, then the installed `adaptgate`, as a new user would.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ToolInstallTests
{
    private readonly PackedFeed _feed;
    private readonly string _work;

    public ToolInstallTests(PackedFeed feed)
    {
        _feed = feed;
        _work = Path.Combine(feed.Root, "work-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
    }

    private string Adaptgate => _feed.Adaptgate;

    [Fact]
    public void Installs_and_reports_its_version()
    {
        var run = ProcessRun.Of(Adaptgate, ["--version"], _work);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(_feed.Version, run.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_the_samples_like_the_readme_says()
    {
        var run = ProcessRun.Of(Adaptgate,
            ["check", "--reference", Repo.Path("samples", "car-loan", "reference.csv"), "--current", Repo.Path("samples", "car-loan", "current.csv"),
             "--policy", Repo.Path("samples", "car-loan", "adaptgate.json"), "--format", "json"],
            _work);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("retrain", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(_feed.Version, json.RootElement.GetProperty("version").GetString());
        Assert.Equal("metric-drop-diverged", json.RootElement.GetProperty("reasons")[0].GetProperty("rule").GetString());

        // The default history file lands in the working folder, one line per check.
        Assert.Single(File.ReadAllLines(Path.Combine(_work, ".adaptgate", "history.jsonl")));
    }

    [Fact]
    public void Exit_codes_reach_the_shell()
    {
        var failOn = ProcessRun.Of(Adaptgate,
            ["check", "-r", Repo.Path("samples", "car-loan", "reference.csv"), "-c", Repo.Path("samples", "car-loan", "current.csv"), "--fail-on", "fine-tune", "--no-history"],
            _work);
        var badInput = ProcessRun.Of(Adaptgate, ["check", "-r", "missing.csv", "-c", "missing.csv"], _work);

        Assert.Equal(1, failOn.ExitCode);
        Assert.StartsWith("Verdict: RETRAIN", failOn.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, badInput.ExitCode);
        Assert.StartsWith("error: missing.csv: The file does not exist.", badInput.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badInput.Stderr, StringComparison.Ordinal);
    }

    /// <summary>DuckDB's native library travels inside the tool package: the installed tool profiles inside DuckDB as it profiles the file.</summary>
    [Fact]
    public void Profiles_a_csv_inside_duckdb_as_it_profiles_the_file()
    {
        var csv = Repo.Path("samples", "car-loan", "reference.csv");
        var fromFile = ProcessRun.Of(Adaptgate, ["profile", csv, "--output", "file.agprofile"], _work);
        var fromSql = ProcessRun.Of(Adaptgate, ["profile", $"duckdb:SELECT * FROM read_csv('{csv}')", "--output", "sql.agprofile"], _work);
        var bad = ProcessRun.Of(Adaptgate, ["profile", "duckdb:SELECT nosuch", "--output", "bad.agprofile"], _work);

        Assert.True(fromSql.ExitCode == 0, fromSql.ToString());
        Assert.Equal(fromFile.Stdout.Split(':')[1].Split(" from")[0], fromSql.Stdout.Split(':')[1].Split(" from")[0]);
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: duckdb:SELECT nosuch: DuckDB could not run the query: Binder Error:", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_then_explain_in_a_fresh_folder()
    {
        var init = ProcessRun.Of(Adaptgate, ["init"], _work);
        var explain = ProcessRun.Of(Adaptgate, ["explain"], _work);

        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(Path.Combine(_work, "adaptgate.json")));
        Assert.True(File.Exists(Path.Combine(_work, ".adaptgate", "adaptgate.schema.json")));
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("Policy: adaptgate.json", explain.Stdout, StringComparison.Ordinal);
        Assert.Contains("12. too-little-data", explain.Stdout, StringComparison.Ordinal);
    }
}
