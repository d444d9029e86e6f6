using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Decision;

namespace AdaptGate.Tool.Tests;

/// <summary>The policy's retrain.window decides which training rows a retrain learns from; held-out rows never change.</summary>
public sealed class RetrainWindowTests : IClassFixture<AdaptCommandTests.Files>
{
    private readonly AdaptData _data;

    public RetrainWindowTests(AdaptCommandTests.Files files) => _data = files.Data;

    [Theory]
    [InlineData(null, 2400, 1200)]
    [InlineData("reference+current", 2400, 1200)]
    [InlineData("current", 0, 1200)]
    [InlineData("last:500", 0, 500)]
    [InlineData("last:2000", 800, 1200)]
    [InlineData("last:99999", 2400, 1200)]
    public void The_window_sets_the_rows_of_the_retrain_and_the_report_names_it(string? window, int referenceRows, int currentRows)
    {
        var policy = _data.PathOf($"window-{Guid.NewGuid():N}.json");
        File.WriteAllText(policy, window is null ? "{}" : $"{{ \"retrain\": {{ \"window\": \"{window}\" }} }}");

        var run = CliRun.Of("adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Current, "--label", "Label",
            "--action", "retrain", "--policy", policy, "--no-history", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = AdaptJsonFormat.Read(run.Stdout).Adaptation;
        var retrain = report.Candidates.Single(c => c.Action == Verdict.Retrain);
        Assert.Equal((referenceRows, currentRows), (retrain.ReferenceRows, retrain.CurrentRows));
        Assert.Equal((600, 300), (report.Rows.ReferenceHoldout, report.Rows.CurrentHoldout));
        Assert.Equal(window ?? "reference+current", report.Retrain!.Window);
    }

    [Theory]
    [InlineData("last:0")]
    [InlineData("newest")]
    [InlineData("last:-3")]
    public void A_window_that_is_none_of_the_three_is_refused_at_its_path(string window)
    {
        var policy = _data.PathOf($"bad-window-{Guid.NewGuid():N}.json");
        File.WriteAllText(policy, $"{{\n  \"retrain\": {{ \"window\": \"{window}\" }}\n}}");

        var run = CliRun.Of("explain", "--policy", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{policy}:2: Unknown retrain window '{window}'.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"last:N\" (the newest N training rows", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_what_the_window_is()
    {
        var policy = _data.PathOf($"explain-window-{Guid.NewGuid():N}.json");
        File.WriteAllText(policy, "{ \"retrain\": { \"window\": \"last:5000\" } }");

        var run = CliRun.Of("explain", "--policy", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("last:5000: a retrain learns from the newest 5,000 training rows", run.Stdout, StringComparison.Ordinal);
    }
}
