using System.Text.Json;
using AdaptGate.Core.Policy;

namespace AdaptGate.Tool.Tests;

/// <summary>adaptgate init, explain and record, run in process as a user would.</summary>
public sealed class InitExplainRecordTests : IDisposable
{
    private static readonly string[] RuleIds =
    [
        "schema-change", "metric-collapse", "metric-drop-diverged", "metric-drop", "major-shift", "drift-without-degradation", "drift-share-severe",
        "domain-separable", "drift-detected", "target-drift", "fine-tune-streak", "too-little-data",
    ];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Init_writes_the_defaults_and_the_schema_next_to_them()
    {
        var policy = Path.Combine(_dir.Path, "adaptgate.json");

        var run = CliRun.Of("init", "--output", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(PolicyWriter.Write(new GatePolicy()), File.ReadAllText(policy));
        var schema = Path.Combine(_dir.Path, ".adaptgate", "adaptgate.schema.json");
        Assert.Equal(PolicySchema.Json, File.ReadAllText(schema));
        Assert.Contains($"Wrote {policy} ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(schema, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("adaptgate explain --policy " + policy, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_refuses_to_overwrite_without_force()
    {
        var policy = _dir.File("adaptgate.json", "{ \"seed\": 7 }\n");

        var run = CliRun.Of("init", "--output", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"error: {policy}: The policy file already exists; init does not overwrite it.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"seed\": 7 }\n", File.ReadAllText(policy));
    }

    [Fact]
    public void Init_with_force_replaces_the_file()
    {
        var policy = _dir.File("adaptgate.json", "{ \"seed\": 7 }\n");

        var run = CliRun.Of("init", "--output", policy, "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(PolicyWriter.Write(new GatePolicy()), File.ReadAllText(policy));
    }

    [Fact]
    public void Init_then_explain_lists_the_twelve_rules_in_order()
    {
        var policy = Path.Combine(_dir.Path, "adaptgate.json");
        Assert.Equal(0, CliRun.Of("init", "-o", policy).ExitCode);

        var run = CliRun.Of("explain", "--policy", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Policy: {policy}\n", run.Stdout, StringComparison.Ordinal);
        var positions = RuleIds.Select((id, i) => run.Stdout.IndexOf($"{i + 1,2}. {id}", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, run.Stdout));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("metric-drop → fine-tune (with metrics)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fine-tune-streak: turns fine-tune into retrain", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("domain-separable → retrain (without metrics) (off)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("history: .adaptgate/history.jsonl", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_the_file_s_thresholds()
    {
        var policy = _dir.File("strict.json", """{ "rules": { "metricDrop": { "absoluteDrop": 0.01 }, "driftDetected": { "enabled": false } } }""");

        var run = CliRun.Of("explain", "-p", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dropped by 0.01 or more (scores)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("drift-detected → fine-tune (without metrics) (off)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_without_a_policy_file_says_it_uses_the_built_in_defaults()
    {
        Assert.False(File.Exists(PolicyLoader.DefaultFileName), "the test runs where no adaptgate.json exists");

        var run = CliRun.Of("explain");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Policy: built-in defaults (no policy file)\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_with_a_bad_policy_names_file_line_and_path()
    {
        var policy = _dir.File("bad.json", "{\n  \"drift\": {\n    \"thresholdz\": {}\n  }\n}\n");

        var run = CliRun.Of("explain", "--policy", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith($"error: {policy}:3: Unknown key 'thresholdz' at $.drift.thresholdz. Did you mean 'thresholds'?", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_appends_actions_and_counts_the_streak()
    {
        var history = Path.Combine(_dir.Path, "ml", "history.jsonl");

        var first = CliRun.Of("record", "--action", "fine-tune", "--history", history);
        var second = CliRun.Of("record", "--action", "fine-tune", "--history", history);
        var third = CliRun.Of("record", "--action", "retrain", "--history", history);

        Assert.Equal([0, 0, 0], new[] { first.ExitCode, second.ExitCode, third.ExitCode });
        Assert.Contains($"Recorded fine-tune in {history} at ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 1 fine-tune since the last retrain.", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 2 fine-tunes since the last retrain.", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 0 fine-tunes since the last retrain.", third.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(history);
        Assert.Equal(["fine-tune", "fine-tune", "retrain"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetString()));
        Assert.All(lines, l => Assert.Equal("action", JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Record_writes_where_the_policy_keeps_its_history()
    {
        var history = Path.Combine(_dir.Path, "from-policy.jsonl");
        var policy = _dir.File("adaptgate.json", JsonSerializer.Serialize(new { history = new { path = history } }));

        var run = CliRun.Of("record", "--action", "skip", "--policy", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(File.ReadAllLines(history));
    }

    [Fact]
    public void Record_reports_unreadable_history_lines_and_leaves_them()
    {
        var history = _dir.File("history.jsonl", "not json\n");

        var run = CliRun.Of("record", "--action", "retrain", "--history", history);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Skipped 1 unreadable line(s) of the history, first line 1:", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("not json\n{\"kind\":\"action\"", File.ReadAllText(history), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_refuses_an_unknown_action()
    {
        var run = CliRun.Of("record", "--action", "finetune", "--history", Path.Combine(_dir.Path, "h.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'finetune'", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "h.jsonl")));
    }
}
