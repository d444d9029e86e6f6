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

    [Fact]
    public void Passes_each_argument_item_in_order_as_an_option_and_its_value_or_as_a_switch()
    {
        var check = new AdaptGateCheck
        {
            CliPath = "a.dll",
            ReferenceData = "r.csv",
            CurrentData = "c.csv",
            ReportFile = "out.json",
            RecordHistory = true,
            Arguments =
            [
                Argument("--drift-threshold", "0.05"),
                Argument("--delimiter", "tab"),
                Argument("--ignore", "id,event time"),
                Argument("--no-history", string.Empty),
            ],
        };

        Assert.Equal(
            "a.dll check --reference r.csv --current c.csv --drift-threshold 0.05 --delimiter tab --ignore \"id,event time\" --no-history --format json --output out.json --fail-on none",
            CheckCommandLine.For(check));
    }

    [Fact]
    public void A_no_history_argument_is_not_passed_twice()
    {
        var check = new AdaptGateCheck { CliPath = "a.dll", ReferenceData = "r.csv", CurrentData = "c.csv", ReportFile = "o.json", Arguments = [Argument("--no-history", string.Empty)] };

        Assert.Equal("a.dll check --reference r.csv --current c.csv --no-history --format json --output o.json --fail-on none", CheckCommandLine.For(check));
    }

    [Theory]
    [InlineData("--drift-threshold", true)]
    [InlineData("drift-threshold", false)]
    [InlineData("--", false)]
    [InlineData("--drift-threshold=0.1", false)]
    [InlineData("--a b", false)]
    [InlineData("--output", false)]
    [InlineData("--format", false)]
    [InlineData("--fail-on", false)]
    [InlineData("--json", false)]
    public void Only_options_the_task_does_not_own_are_arguments(string name, bool accepted) =>
        Assert.Equal(accepted, CheckCommandLine.IsOption(name));

    private static Microsoft.Build.Utilities.TaskItem Argument(string name, string value)
    {
        var item = new Microsoft.Build.Utilities.TaskItem(name);
        item.SetMetadata("Value", value);
        return item;
    }
}
