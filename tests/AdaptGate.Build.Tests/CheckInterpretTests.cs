namespace AdaptGate.Build.Tests;

/// <summary>AdaptGateCheck's reading of the CLI's exit code and output, fed directly (no process).</summary>
public sealed class CheckInterpretTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private AdaptGateCheck Task(string? failOn = null) => new()
    {
        BuildEngine = _engine,
        ReferenceData = _temp.File("reference.csv"),
        CurrentData = _temp.File("current.csv"),
        Policy = _temp.File("adaptgate.json"),
        ReportFile = _temp.File("report.json"),
        WorkingDirectory = _temp.Path,
        FailOn = failOn,
        CliPath = "adaptgate.dll",
    };

    [Fact]
    public void Bad_input_is_AG2001_at_the_file_and_line_the_cli_names()
    {
        var task = Task();

        Assert.False(task.Interpret(2, ["error: " + task.Policy + ":3: Unknown key 'thresholdz' at $.drift.thresholdz."]));
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("AG2001", error.Code);
        Assert.Equal(task.Policy, error.File);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal("Unknown key 'thresholdz' at $.drift.thresholdz.", error.Message);
        Assert.Equal(DiagnosticCodes.PackagedDoc(typeof(AdaptGateCheck).Assembly.Location) + "#ag2001", error.HelpLink);
    }

    [Fact]
    public void Bad_usage_without_a_file_keeps_the_whole_message_and_points_at_the_current_data()
    {
        var task = Task();

        Assert.False(task.Interpret(2, ["error: Argument 'x' not recognized: use one of ks, psi.", "Run 'adaptgate check --help' for usage."]));
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("AG2001", error.Code);
        Assert.Equal(task.CurrentData, error.File);
        Assert.Equal("Argument 'x' not recognized: use one of ks, psi.", error.Message);
    }

    [Fact]
    public void An_internal_error_of_the_cli_is_AG2003_with_its_output()
    {
        Assert.False(Task().Interpret(3, ["internal error: NullReferenceException: boom", "This is a bug in AdaptGate"]));

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("AG2003", error.Code);
        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_without_a_report_is_AG2003()
    {
        Assert.False(Task().Interpret(0, ["verdict: skip"]));

        Assert.Equal(["AG2003"], _engine.ErrorCodes);
    }

    [Fact]
    public void Success_reads_the_report_into_outputs_and_warnings_and_applies_FailOn()
    {
        var task = Task("fine-tune");
        _temp.Write("report.json", Reports.Retrain);

        Assert.False(task.Interpret(0, ["verdict: retrain (drift-share-severe: ...)"]));
        Assert.Equal("retrain", task.Verdict);
        Assert.Equal(2, task.DriftedColumns.Length);
        Assert.Equal(["AG1000", "AG1006", "AG1008", "AG1100"], _engine.WarningCodes);
        Assert.DoesNotContain("inputs unchanged", _engine.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(["AG2002"], _engine.ErrorCodes);
    }
}
