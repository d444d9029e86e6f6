using Microsoft.Build.Framework;

namespace AdaptGate.Build.Tests;

/// <summary>AdaptGateReadReport: what an up-to-date build gets from the previous report (the same interpretation the check uses).</summary>
public sealed class ReadReportTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private AdaptGateReadReport Task(string report, string? failOn = null) => new()
    {
        BuildEngine = _engine,
        ReportFile = _temp.Write("report.json", report),
        FailOn = failOn,
        HelpLinkBase = "https://example.test/docs/diagnostics",
    };

    [Fact]
    public void Sets_the_verdict_drift_share_and_one_item_per_drifted_column_with_its_metadata()
    {
        var task = Task(Reports.Retrain);

        Assert.True(task.Execute());
        Assert.Equal("retrain", task.Verdict);
        Assert.Equal("0.5", task.DriftShare);
        Assert.Equal(["car_value", "age;group"], task.DriftedColumns.Select(c => c.ItemSpec));
        var carValue = task.DriftedColumns[0];
        Assert.Equal("wasserstein", carValue.GetMetadata("Method"));
        Assert.Equal("numeric", carValue.GetMetadata("Kind"));
        Assert.Equal("0.951", carValue.GetMetadata("Score"));
        Assert.Equal("0.1", carValue.GetMetadata("Threshold"));
        Assert.Equal(string.Empty, carValue.GetMetadata("PValue"));
        Assert.Equal("0.0003", task.DriftedColumns[1].GetMetadata("PValue"));
    }

    [Fact]
    public void A_column_name_with_msbuild_syntax_stays_one_item_with_that_name()
    {
        var task = Task(Reports.Retrain.Replace("age;group", "$(cost)%;@x", StringComparison.Ordinal));

        Assert.True(task.Execute());
        Assert.Equal("$(cost)%;@x", task.DriftedColumns[1].ItemSpec);
    }

    [Fact]
    public void Fired_rules_become_items_with_their_code_and_evidence()
    {
        var task = Task(Reports.Retrain);

        Assert.True(task.Execute());
        var severe = Assert.Single(task.FiredRules, r => r.ItemSpec == "drift-share-severe");
        Assert.Equal("AG1006", severe.GetMetadata("Code"));
        Assert.Equal("retrain", severe.GetMetadata("Verdict"));
        Assert.Equal("0.5", severe.GetMetadata("Value"));
        Assert.Equal("0", severe.GetMetadata("Margin"));
        Assert.Equal(2, task.FiredRules.Length);
    }

    [Fact]
    public void Retrain_is_a_verdict_warning_plus_one_coded_warning_per_fired_rule_pointing_at_the_current_data()
    {
        Assert.True(Task(Reports.Retrain).Execute());

        Assert.Equal(["AG1000", "AG1006", "AG1008", "AG1100"], _engine.WarningCodes);
        Assert.All(_engine.Warnings, w => Assert.Equal("/data/current.csv", w.File));
        Assert.Equal("https://example.test/docs/diagnostics#ag1006", _engine.Warnings[1].HelpLink);
        Assert.StartsWith("AdaptGate verdict: RETRAIN (drift-share-severe; drift-detected)", _engine.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("inputs unchanged", _engine.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal("drift-share-severe (retrain): 50% of feature columns drifted (5 of 10), at or above 50%", _engine.Warnings[1].Message);
        Assert.Equal("Check the pipeline that feeds 'car_value'.", _engine.Warnings[3].Message);
        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("AdaptGate verdict: RETRAIN", StringComparison.Ordinal));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Skip_with_nothing_fired_is_a_high_importance_message_and_no_warning()
    {
        var task = Task(Reports.Skip);

        Assert.True(task.Execute());
        Assert.Equal("skip", task.Verdict);
        Assert.Empty(task.DriftedColumns);
        Assert.Empty(task.FiredRules);
        Assert.Empty(_engine.Warnings);
        var verdict = Assert.Single(_engine.Messages, m => m.Importance == MessageImportance.High);
        Assert.StartsWith("AdaptGate verdict: SKIP (no rule fired: no feature column drifted", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fine-tune", false)]
    [InlineData("retrain", false)]
    [InlineData("none", true)]
    [InlineData("", true)]
    public void FailOn_at_or_below_the_verdict_fails_with_AG2002(string failOn, bool passes)
    {
        var task = Task(Reports.Retrain, failOn);

        Assert.Equal(passes, task.Execute());
        Assert.Equal(passes ? [] : ["AG2002"], _engine.ErrorCodes);
        Assert.Equal("retrain", task.Verdict);
    }

    [Fact]
    public void FailOn_retrain_lets_a_fine_tune_pass_and_an_unknown_rule_gets_the_catch_all_code()
    {
        var task = Task(Reports.FineTuneFromANewerCli, "retrain");

        Assert.True(task.Execute());
        Assert.Equal(["AG1000", "AG1099"], _engine.WarningCodes);
    }

    [Fact]
    public void An_unknown_FailOn_is_AG2004()
    {
        Assert.False(Task(Reports.Retrain, "sometimes").Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("AG2004", error.Code);
        Assert.Contains("none, fine-tune or retrain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"verdict\": \"retrain\"")]
    [InlineData("{ \"verdict\": \"maybe\", \"reasons\": [], \"drift\": { \"share\": 0, \"columns\": [] } }")]
    [InlineData("{ \"verdict\": \"skip\", \"reasons\": [] }")]
    [InlineData("[]")]
    public void A_broken_report_is_AG2003_and_is_deleted_so_the_next_build_checks_again(string json)
    {
        var task = Task(json);

        Assert.False(task.Execute());
        Assert.Equal(["AG2003"], _engine.ErrorCodes);
        Assert.Equal(task.ReportFile, _engine.Errors[0].File);
        Assert.False(File.Exists(task.ReportFile));
    }

    [Fact]
    public void A_missing_report_is_AG2003_not_an_exception()
    {
        var task = new AdaptGateReadReport { BuildEngine = _engine, ReportFile = _temp.File("nowhere.json") };

        Assert.False(task.Execute());
        Assert.Equal(["AG2003"], _engine.ErrorCodes);
        Assert.Equal(DiagnosticCodes.PackagedDoc(typeof(AdaptGateCheck).Assembly.Location) + "#ag2003", _engine.Errors[0].HelpLink);
    }
}
