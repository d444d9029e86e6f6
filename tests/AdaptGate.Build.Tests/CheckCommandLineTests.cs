namespace AdaptGate.Build.Tests;

public sealed class CheckCommandLineTests
{
    [Fact]
    public void Passes_the_set_options_quotes_paths_with_spaces_and_always_asks_for_json_without_fail_on()
    {
        var check = new AdaptGateCheck
        {
            CliPath = "/pkg/tools/adaptgate/adaptgate.dll",
            ReferenceData = "/my data/reference.csv",
            CurrentData = "/my data/current.csv",
            LabelColumn = "repaid",
            DriftMethod = "psi",
            FailOn = "retrain",
            ReportFile = "/obj/adaptgate/report.json",
        };

        Assert.Equal(
            "/pkg/tools/adaptgate/adaptgate.dll check --reference \"/my data/reference.csv\" --current \"/my data/current.csv\" --label repaid --drift-method psi --no-history --format json --output /obj/adaptgate/report.json --fail-on none",
            CheckCommandLine.For(check));
    }

    [Fact]
    public void Records_the_history_only_when_asked_and_passes_every_file_option()
    {
        var check = new AdaptGateCheck
        {
            CliPath = "a.dll",
            ReferenceData = "r.csv",
            CurrentData = "c.csv",
            Policy = "p.json",
            Model = "m.zip",
            MetricsFile = "cur.json",
            BaselineMetricsFile = "base.json",
            HistoryFile = "h.jsonl",
            RecordHistory = true,
            ReportFile = "out.json",
            MarkdownFile = "out.md",
        };

        Assert.Equal(
            "a.dll check --reference r.csv --current c.csv --policy p.json --model m.zip --metrics cur.json --baseline-metrics base.json --history h.jsonl --format json --output out.json --markdown out.md --fail-on none",
            CheckCommandLine.For(check));
    }
}
