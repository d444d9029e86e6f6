using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>`check` with a policy file and a history: what a pipeline sees run after run.</summary>
public sealed class PolicyAndHistoryCheckTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Fine_tunes_pile_up_into_a_retrain()
    {
        var history = Path.Combine(_dir.Path, "history.jsonl");
        var policy = _dir.File("adaptgate.json", """
            {
              // Drift share alone should not retrain here: this team fine-tunes until the streak rule says stop.
              "rules": { "driftShareSevere": { "enabled": false } },
              "ignore": ["y_pred", "y_pred_proba", "repaid"],
            }
            """);
        string[] check = ["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", "--policy", policy, "--history", history];

        var first = Verdict(CliRun.Of(check));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(0, CliRun.Of("record", "--action", "fine-tune", "--history", history).ExitCode);
        }

        var run = CliRun.Of(check);

        Assert.Equal("fine-tune", first);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("retrain", root.GetProperty("verdict").GetString());
        Assert.Equal("fine-tune-streak", root.GetProperty("reasons")[0].GetProperty("rule").GetString());
        Assert.Equal(10, root.GetProperty("history").GetProperty("fineTunesSinceLastRetrain").GetInt32());

        // Two checks and ten actions, one JSON object a line; the checks carry the files' hashes.
        var lines = File.ReadAllLines(history);
        Assert.Equal(12, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        Assert.Equal("check", last.RootElement.GetProperty("kind").GetString());
        Assert.Equal("retrain", last.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(64, last.RootElement.GetProperty("current").GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public void A_retrain_resets_the_streak()
    {
        var history = Path.Combine(_dir.Path, "history.jsonl");
        foreach (var action in new[] { "fine-tune", "fine-tune", "fine-tune", "retrain", "fine-tune" })
        {
            CliRun.Of("record", "--action", action, "--history", history);
        }

        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current-stable.csv"), "-f", "json", "--history", history, "--no-history");

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("history").GetProperty("fineTunesSinceLastRetrain").GetInt32());
        Assert.False(json.RootElement.GetProperty("history").GetProperty("recorded").GetBoolean());
        Assert.Equal(5, File.ReadAllLines(history).Length);
    }

    [Fact]
    public void A_damaged_history_line_is_reported_and_kept()
    {
        var history = _dir.File("history.jsonl", "{\"kind\":\"action\",\"time\":\"2026-01-01T00:00:00Z\",\"action\":\"fine-tune\"}\nnot json at all\n");

        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current-stable.csv"), "-f", "json", "--history", history);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("line 2", StringComparison.Ordinal));
        var lines = File.ReadAllLines(history);
        Assert.Equal("not json at all", lines[1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void A_policy_error_names_the_line_and_the_json_path()
    {
        var policy = _dir.File("adaptgate.json", "{\n  \"drift\": {\n    \"thresholdz\": {}\n  }\n}\n");

        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "--policy", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {policy}:3: Unknown key 'thresholdz' at $.drift.thresholdz. Did you mean 'thresholds'?", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Policy_correction_and_target_columns_reach_the_report()
    {
        var policy = _dir.File("adaptgate.json", """
            {
              "drift": { "method": "ks", "correction": "holm" },
              "target": { "label": "repaid", "prediction": "y_pred", "probability": "y_pred_proba" },
              "metrics": { "floors": { "auc": 0.96 } }
            }
            """);

        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", "--policy", policy);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("holm", root.GetProperty("drift").GetProperty("correction").GetString());
        Assert.Equal("repaid", root.GetProperty("target").GetProperty("label").GetProperty("name").GetString());
        // The current AUC (0.9585) is under the 0.96 floor: a collapse, whatever the drop.
        Assert.Equal("retrain", root.GetProperty("verdict").GetString());
        var reason = root.GetProperty("reasons")[0];
        Assert.Equal("metric-collapse", reason.GetProperty("rule").GetString());
        Assert.Equal(0.96, reason.GetProperty("threshold").GetDouble());
        Assert.Equal(policy, root.GetProperty("inputs").GetProperty("policy").GetString());
    }

    private static string Verdict(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.GetProperty("verdict").GetString()!;
    }
}
