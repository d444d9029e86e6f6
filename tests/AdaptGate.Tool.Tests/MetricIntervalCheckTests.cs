using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>Confidence intervals of the metrics in every format, and why they are missing for metrics files.</summary>
public sealed class MetricIntervalCheckTests : IDisposable
{
    private static readonly string[] StoredPredictions = ["--label", "repaid", "--prediction", "y_pred", "--probability", "y_pred_proba", "--no-history"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Json_has_delong_for_auc_and_a_seeded_bootstrap_for_the_rest()
    {
        var run = CliRun.Of(["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", .. StoredPredictions]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var metrics = json.RootElement.GetProperty("metrics");
        var baseline = metrics.GetProperty("baseline").GetDouble();
        var current = metrics.GetProperty("current").GetDouble();
        Assert.InRange(baseline, metrics.GetProperty("baselineLow").GetDouble(), metrics.GetProperty("baselineHigh").GetDouble());
        Assert.InRange(current, metrics.GetProperty("currentLow").GetDouble(), metrics.GetProperty("currentHigh").GetDouble());

        // The drop 0.0177 is above zero with 95% confidence ([0.010, 0.025]), but its lower end is short of 0.015.
        Assert.Equal(0.0103, metrics.GetProperty("dropLow").GetDouble(), 3);
        Assert.Equal(0.0251, metrics.GetProperty("dropHigh").GetDouble(), 3);
        Assert.Equal(5000, metrics.GetProperty("baselineRows").GetInt32());
        var uncertainty = metrics.GetProperty("uncertainty");
        Assert.Equal("delong", uncertainty.GetProperty("primaryMethod").GetString());
        Assert.Equal(0.95, uncertainty.GetProperty("level").GetDouble());
        Assert.Equal(1000, uncertainty.GetProperty("resamples").GetInt32());

        var accuracy = metrics.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "accuracy");
        Assert.Equal("bootstrap", accuracy.GetProperty("intervalMethod").GetString());
        Assert.True(accuracy.GetProperty("dropLow").GetDouble() > 0.015, "accuracy's 3-point drop is credible and material");

        var again = CliRun.Of(["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", .. StoredPredictions]);
        Assert.Equal(Values(run.Stdout), Values(again.Stdout));
    }

    [Fact]
    public void Text_and_markdown_show_the_intervals()
    {
        var text = CliRun.Of(["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), .. StoredPredictions]);
        var markdown = CliRun.Of(["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "markdown", .. StoredPredictions]);

        Assert.Contains("absolute drop +0.0177 [0.010, 0.025]", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.9585 [0.953, 0.964]", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("| auc | 0.9763 [0.972, 0.981] | 0.9585 [0.953, 0.964] | +0.0177 [0.010, 0.025] |", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("two-proportion z-test p 0.2891", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_files_have_no_intervals_and_the_report_says_why()
    {
        var current = _dir.File("current.json", "{\"auc\": 0.78}");
        var baseline = _dir.File("baseline.json", "{\"auc\": 0.91}");

        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current-stable.csv"), "-f", "json", "--no-history",
            "--metrics", current, "--baseline-metrics", baseline);

        using var json = JsonDocument.Parse(run.Stdout);
        var metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("dropLow").ValueKind);
        Assert.Contains("metrics file, which has no rows", metrics.GetProperty("uncertainty").GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("retrain", json.RootElement.GetProperty("verdict").GetString());
    }

    private static string Values(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("metrics").GetProperty("values").GetRawText();
    }
}
