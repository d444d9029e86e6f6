using System.Globalization;
using System.Text.Json;
using AdaptGate.Tool.Ci;

namespace AdaptGate.Tool.Tests;

public sealed class CiIntegrationTests
{
    private static readonly string[] Shifted = ["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv")];

    /// <summary>The shifted sample without a policy: drift is the proxy, and it says retrain.</summary>
    private static (string Share, string[] Reasons, string[] Warnings, string Headline) Expected(string jsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = json.RootElement;
        var reasons = root.GetProperty("reasons").EnumerateArray()
            .Where(r => r.GetProperty("verdict").GetString() is "fine-tune" or "retrain")
            .Select(r => (r.GetProperty("rule").GetString() + "\u0000" + r.GetProperty("message").GetString()))
            .ToArray();
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        var first = root.GetProperty("reasons")[0];
        var headline = $"verdict: retrain ({first.GetProperty("rule").GetString()}: {first.GetProperty("message").GetString()})";
        return (root.GetProperty("drift").GetProperty("share").GetDouble().ToString(CultureInfo.InvariantCulture), reasons, warnings, headline);
    }

    [Fact]
    public void GitHub_actions_gets_outputs_summary_and_annotations()
    {
        using var dir = new TempDir();
        var outputs = dir.File("github_output", "earlier=1\n");
        var summary = dir.File("step_summary", string.Empty);
        var json = Path.Combine(dir.Path, "report.json");
        var environment = new DictionaryEnvironment(("GITHUB_ACTIONS", "true"), ("GITHUB_OUTPUT", outputs), ("GITHUB_STEP_SUMMARY", summary));

        var run = CliRun.With(environment, [.. Shifted, "--json", json, "--fail-on", "retrain"]);

        Assert.Equal(1, run.ExitCode);
        var expected = Expected(json);
        Assert.Equal($"earlier=1\nverdict=retrain\ndrift-share={expected.Share}\nreport={json}\n", File.ReadAllText(outputs));
        Assert.StartsWith("## 🔁 AdaptGate verdict: **retrain**\n", File.ReadAllText(summary), StringComparison.Ordinal);

        string[] annotations =
        [
            .. expected.Reasons.Select(r => r.Split('\u0000')).Select(r => $"::warning title=AdaptGate {r[0]}::{GitHubActions.EscapeData(r[1])}"),
            .. expected.Warnings.Select(w => $"::warning title=AdaptGate::{GitHubActions.EscapeData(w)}"),
            $"::error title=AdaptGate::{GitHubActions.EscapeData(expected.Headline)}",
        ];
        Assert.True(annotations.Length >= 3);
        Assert.Contains("%25", annotations[0], StringComparison.Ordinal);
        Assert.Equal(annotations, run.Stdout.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)));
        Assert.StartsWith("Verdict: RETRAIN\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_report_output_is_empty_without_a_json_file_and_no_error_below_fail_on()
    {
        using var dir = new TempDir();
        var outputs = dir.File("github_output", string.Empty);
        var environment = new DictionaryEnvironment(("GITHUB_ACTIONS", "true"), ("GITHUB_OUTPUT", outputs));

        var run = CliRun.With(environment, [.. Shifted, "--no-history"]);

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("\nreport=\n", File.ReadAllText(outputs), StringComparison.Ordinal);
        Assert.StartsWith("verdict=retrain\ndrift-share=0.5", File.ReadAllText(outputs), StringComparison.Ordinal);
        Assert.DoesNotContain("::error", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n::warning title=AdaptGate drift-share-severe::", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_on_standard_output_keeps_the_commands_on_standard_error()
    {
        var run = CliRun.With(new DictionaryEnvironment(("GITHUB_ACTIONS", "true")), [.. Shifted, "--format", "json", "--no-history"]);

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("retrain", json.RootElement.GetProperty("verdict").GetString());
        Assert.StartsWith("::warning title=AdaptGate drift-share-severe::", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_pipelines_gets_output_variables_and_issues()
    {
        using var dir = new TempDir();
        var json = Path.Combine(dir.Path, "report.json");

        var run = CliRun.With(new DictionaryEnvironment(("TF_BUILD", "True")), [.. Shifted, "--json", json, "--fail-on", "fine-tune"]);

        Assert.Equal(1, run.ExitCode);
        var expected = Expected(json);
        string[] commands =
        [
            "##vso[task.setvariable variable=verdict;isOutput=true]retrain",
            $"##vso[task.setvariable variable=driftShare;isOutput=true]{expected.Share}",
            $"##vso[task.setvariable variable=report;isOutput=true]{json}",
            .. expected.Reasons.Select(r => r.Split('\u0000')).Select(r => $"##vso[task.logissue type=warning]AdaptGate {r[0]}: {AzurePipelines.Escape(r[1])}"),
            .. expected.Warnings.Select(w => $"##vso[task.logissue type=warning]AdaptGate: {AzurePipelines.Escape(w)}"),
            $"##vso[task.logissue type=error]AdaptGate {AzurePipelines.Escape(expected.Headline)}",
        ];
        Assert.Equal(commands, run.Stdout.Split('\n').Where(l => l.StartsWith("##vso[", StringComparison.Ordinal)));
    }

    [Fact]
    public void Outside_ci_nothing_is_written_for_a_ci_system()
    {
        var run = CliRun.Of([.. Shifted, "--no-history", "--fail-on", "retrain"]);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("::", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("##vso", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50% of 'a'\r\nb: c, d", "50%25 of 'a'%0D%0Ab: c, d", "50%25 of 'a'%0D%0Ab%3A c%2C d")]
    [InlineData("%0A is not a newline", "%250A is not a newline", "%250A is not a newline")]
    public void GitHub_escaping_follows_the_runner(string text, string data, string property)
    {
        Assert.Equal(data, GitHubActions.EscapeData(text));
        Assert.Equal(property, GitHubActions.EscapeProperty(text));
    }

    [Theory]
    [InlineData("100%; done]\r\nnext", "100%AZP25%3B done%5D%0D%0Anext")]
    [InlineData("##vso[task.complete result=Succeeded]", "##vso[task.complete result=Succeeded%5D")]
    public void Azure_escaping_follows_the_agent(string text, string expected)
    {
        Assert.Equal(expected, AzurePipelines.Escape(text));
    }
}
