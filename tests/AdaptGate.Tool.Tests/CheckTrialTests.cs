using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// <c>check --model</c> with the policy's trial on real ML.NET models: the verdict is the action that
/// measured best on the later current rows, and it is the one <c>adapt --action compare</c> recommends on
/// the same split.
/// </summary>
public sealed class CheckTrialTests : IClassFixture<AdaptCommandTests.Files>
{
    private readonly AdaptData _data;

    public CheckTrialTests(AdaptCommandTests.Files files) => _data = files.Data;

    [Fact]
    public void On_a_turned_concept_the_trial_decides_and_adapt_compare_on_the_same_split_agrees_metric_for_metric()
    {
        var report = Check(_data.Current);
        var trial = Assert.IsType<TrialSection>(report.Trial);

        Assert.Equal(("auto", "decided", "time"), (trial.Mode, trial.Status, trial.Split));
        Assert.Equal((900, 600), (trial.AdaptRows, trial.ScoreRows)); // 1,500 current rows: the last 40% scored
        Assert.Equal("trial", report.Reasons[0].Rule);
        Assert.Equal(trial.Verdict, report.Verdict);
        Assert.NotEqual(Verdict.Skip, report.Verdict);
        Assert.Equal([Verdict.Skip, Verdict.FineTune, Verdict.Retrain], trial.Candidates.Select(c => c.Action));
        Assert.Contains(report.Rules, r => r.Rule == "trial" && r.Fired);

        var compare = CliRun.Of(
            "adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Current, "--label", "Label",
            "--action", "compare", "--split", "time", "--holdout", "0.4", "--reference-holdout", "0", "--format", "json", "--no-history");
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        var adapted = AdaptJsonFormat.Read(compare.Stdout).Adaptation;
        Assert.Equal(adapted.Recommended, trial.Verdict);
        Assert.Equal(adapted.Candidates.Select(c => c.Current), trial.Candidates.Select(c => c.Metric));
        Assert.Equal((HoldoutSplit.Time, 0.0, 3000), (adapted.Settings.Split, adapted.Settings.ReferenceHoldout, adapted.Rows.ReferenceTrain));

        // The best action's shortfall is 0; the others' are measured against it, their paired intervals around them.
        var best = trial.Candidates.Single(c => c.Shortfall == 0);
        Assert.Equal(trial.Candidates.Max(c => c.Metric), best.Metric);
        var skip = trial.Candidates[0];
        Assert.Equal(best.Metric!.Value - skip.Metric!.Value, skip.Shortfall!.Value, 1e-12);
        Assert.InRange(skip.Shortfall.Value, skip.ShortfallLow!.Value, skip.ShortfallHigh!.Value);
        Assert.True(skip.ShortfallLow > 0, $"skip falls short of {best.Action} on every resample's side: [{skip.ShortfallLow}, {skip.ShortfallHigh}]");
    }

    [Fact]
    public void In_blocks_each_block_is_scored_by_actions_adapted_on_every_row_before_it_and_the_blocks_pool()
    {
        // Accuracy pools as the blocks' accuracies weighted by their rows, so each block can be checked against
        // adapt --action compare run on the rows up to the block's end, holding out the block itself.
        var policy = Policy("folds-policy.json", """{ "metrics": { "primary": "accuracy" }, "decision": { "trialFolds": 3 } }""");
        var report = Check(_data.Current, "--policy", policy);
        var trial = Assert.IsType<TrialSection>(report.Trial);

        Assert.Equal(("decided", 3), (trial.Status, trial.Folds));
        Assert.Equal((1100 - 200, 600), (trial.AdaptRows, trial.ScoreRows)); // 1,500 rows: 600 scored in blocks of 200

        var lines = File.ReadAllLines(_data.Current);
        var blocks = new[] { 1100, 1300, 1500 }.Select(end =>
        {
            var prefix = _data.PathOf($"prefix-{end}.csv");
            File.WriteAllLines(prefix, lines.Take(end + 1));
            var compare = CliRun.Of(
                "adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", prefix, "--label", "Label", "--policy", policy,
                "--action", "compare", "--split", "time", "--holdout", (200.0 / end).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                "--reference-holdout", "0", "--format", "json", "--no-history");
            Assert.True(compare.ExitCode == 0, compare.Stderr);
            var adapted = AdaptJsonFormat.Read(compare.Stdout).Adaptation;
            Assert.Equal((end - 200, 200), (adapted.Rows.CurrentTrain, adapted.Rows.CurrentHoldout));
            return adapted.Candidates.ToDictionary(c => c.Action, c => c.Current!.Value);
        }).ToArray();

        foreach (var candidate in trial.Candidates)
        {
            Assert.Equal(blocks.Average(b => b[candidate.Action]), candidate.Metric!.Value, 1e-12);
        }

        var best = trial.Candidates.MaxBy(c => c.Metric)!;
        Assert.Equal(0, best.Shortfall);
        Assert.All(trial.Candidates, c => Assert.Equal(best.Metric!.Value - c.Metric!.Value, c.Shortfall!.Value, 1e-12));
        Assert.Contains("in 3 blocks, each by the actions adapted on every row before it", TrialText.Summary(trial), StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_that_outrun_the_budget_stop_the_trial_and_the_rules_decide()
    {
        var policy = Policy("folds-budget-policy.json", """{ "decision": { "trialFolds": 3, "trialBudgetSeconds": 1e-9 } }""");
        var report = Check(_data.Current, "--policy", policy);
        var trial = Assert.IsType<TrialSection>(report.Trial);

        Assert.Equal(("stopped", 3), (trial.Status, trial.Folds));
        Assert.Null(trial.Verdict);
        Assert.Equal(trial.RulesVerdict, report.Verdict);
    }

    [Fact]
    public void On_the_reference_concept_the_trial_keeps_the_model()
    {
        var report = Check(_data.Same);
        var trial = Assert.IsType<TrialSection>(report.Trial);

        Assert.Equal(("decided", Verdict.Skip), (trial.Status, trial.Verdict));
        Assert.Equal(Verdict.Skip, report.Verdict);
        Assert.Equal("trial", report.Reasons[0].Rule);
        var reason = report.Reasons[0];
        Assert.True(reason.Margin < 0, $"skip wins when no action gains the minimum: margin {reason.Margin}");
        Assert.Equal(0.01, reason.Threshold);
    }

    [Fact]
    public void With_the_trial_off_the_rules_decide_and_no_trial_is_reported()
    {
        var policy = Policy("off-policy.json", """{ "decision": { "trial": "off" } }""");
        var withTrial = Check(_data.Current);
        var off = Check(_data.Current, "--policy", policy);

        Assert.Null(off.Trial);
        Assert.DoesNotContain(off.Reasons, r => r.Rule == "trial");
        Assert.Equal(withTrial.Trial!.RulesVerdict, off.Verdict);
    }

    [Fact]
    public void A_budget_that_runs_out_stops_the_trial_and_the_rules_decide()
    {
        var policy = Policy("budget-policy.json", """{ "decision": { "trialBudgetSeconds": 1e-9 } }""");
        var report = Check(_data.Current, "--policy", policy);
        var trial = Assert.IsType<TrialSection>(report.Trial);

        Assert.Equal("stopped", trial.Status);
        Assert.Null(trial.Verdict);
        Assert.Contains("budget ran out", trial.Why, StringComparison.Ordinal);
        Assert.Equal(trial.RulesVerdict, report.Verdict);
        Assert.DoesNotContain(report.Reasons, r => r.Rule == "trial");
        Assert.Contains(report.Rules, r => r.Rule == "trial" && !r.Fired && r.Detail.Contains("did not decide", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_labeled_rows_for_a_trial_say_so_and_the_rules_decide()
    {
        var small = _data.PathOf("small-current.csv");
        File.WriteAllLines(small, File.ReadLines(_data.Current).Take(151));
        var report = Check(small);
        var trial = Assert.IsType<TrialSection>(report.Trial);

        Assert.Equal("not-run", trial.Status);
        Assert.Contains("only 150 labeled current rows, fewer than the 500", trial.Why, StringComparison.Ordinal);
        Assert.Equal(trial.RulesVerdict, report.Verdict);
    }

    [Fact]
    public void The_text_and_markdown_reports_show_the_trial_table()
    {
        var text = CliRun.Of("check", "--reference", _data.Reference, "--current", _data.Current, "--model", _data.LinearModel, "--label", "Label", "--no-history");
        var markdownPath = _data.PathOf("trial.md");
        var markdown = CliRun.Of("check", "--reference", _data.Reference, "--current", _data.Current, "--model", _data.LinearModel, "--label", "Label", "--no-history", "--markdown", markdownPath);

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("- [trial] the trial adapted on the first 900 current rows and scored on the last 600", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Trial (auto, 120 s budget): decided", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Short of best", text.Stdout, StringComparison.Ordinal);
        Assert.True(markdown.ExitCode == 0, markdown.Stderr);
        var md = File.ReadAllText(markdownPath);
        Assert.Contains("### Trial", md, StringComparison.Ordinal);
        Assert.Contains("| Action | auc | Short of best |", md, StringComparison.Ordinal);
        Assert.Contains("**trial** →", md, StringComparison.Ordinal);
    }

    private CheckReport Check(string current, params string[] extra)
    {
        var json = _data.PathOf($"report-{Guid.NewGuid():N}.json");
        var run = CliRun.Of([
            "check", "--reference", _data.Reference, "--current", current, "--model", _data.LinearModel, "--label", "Label",
            "--no-history", "--json", json, .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonReportFormat.Read(File.ReadAllText(json), json);
    }

    private string Policy(string name, string json)
    {
        var path = _data.PathOf(name);
        File.WriteAllText(path, json);
        return path;
    }
}
