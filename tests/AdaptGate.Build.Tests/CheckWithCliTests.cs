namespace AdaptGate.Build.Tests;

/// <summary>AdaptGateCheck running the real CLI out of process, as the package does (the CLI from AdaptGate.Tool's build output).</summary>
public sealed class CheckWithCliTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private AdaptGateCheck Task(string current, string? failOn = null) => new()
    {
        BuildEngine = _engine,
        CliPath = RepoFiles.Cli,
        ReferenceData = RepoFiles.Sample("reference.csv"),
        CurrentData = current,
        FailOn = failOn,
        ReportFile = _temp.File("report folder/report.json"),
        WorkingDirectory = _temp.Path,
    };

    [Fact]
    public void Drifted_sample_data_without_a_policy_is_retrain_with_a_report_outputs_and_rule_warnings()
    {
        var task = Task(RepoFiles.Sample("current.csv"));

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        Assert.Equal("retrain", task.Verdict);
        Assert.Equal("0.5", task.DriftShare);
        Assert.True(File.Exists(task.ReportFile));
        Assert.Contains(task.DriftedColumns, c => c.ItemSpec == "car_value" && c.GetMetadata("Method") == "wasserstein");
        // The two rules that fired, and the report's warning that 'y_pred' and 'y_pred_proba' look like model outputs.
        Assert.Equal(["AG1000", "AG1006", "AG1008", "AG1100"], _engine.WarningCodes);
        Assert.All(_engine.Warnings, w => Assert.Equal(RepoFiles.Sample("current.csv"), w.File));

        // The build only reads the history unless asked to record: no history file in the working folder.
        Assert.False(Directory.Exists(_temp.File(".adaptgate")));
    }

    /// <summary>ReferenceData may name a profile of the training data (docs/msbuild.md): the verdict and outputs are the data file's.</summary>
    [Fact]
    public void A_profile_as_ReferenceData_gives_the_data_file_s_verdict()
    {
        var profile = _temp.File("reference.agprofile");
        var profiled = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", RepoFiles.Cli, "profile", RepoFiles.Sample("reference.csv"), "--output", profile]) { WorkingDirectory = _temp.Path })!;
        profiled.WaitForExit();
        Assert.Equal(0, profiled.ExitCode);
        var task = Task(RepoFiles.Sample("current.csv"));
        task.ReferenceData = profile;

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        Assert.Equal("retrain", task.Verdict);
        Assert.Equal("0.5", task.DriftShare);
        Assert.Contains(task.DriftedColumns, c => c.ItemSpec == "car_value" && c.GetMetadata("Method") == "wasserstein");
        Assert.Equal(["AG1000", "AG1006", "AG1008", "AG1100"], _engine.WarningCodes);
    }

    [Fact]
    public void Writes_the_markdown_report_when_asked()
    {
        var task = Task(RepoFiles.Sample("current.csv"));
        task.MarkdownFile = _temp.File("report folder/report.md");

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        Assert.StartsWith("## 🔁 AdaptGate verdict: **retrain**", File.ReadAllText(task.MarkdownFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_file_is_AG2001_naming_it_and_leaves_no_stale_report()
    {
        var task = Task(_temp.File("missing.csv"));
        Directory.CreateDirectory(Path.GetDirectoryName(task.ReportFile)!);
        File.WriteAllText(task.ReportFile, Reports.Skip);

        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("AG2001", error.Code);
        Assert.Equal(_temp.File("missing.csv"), error.File);
        Assert.StartsWith("The file does not exist.", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(task.ReportFile));
        Assert.Equal(string.Empty, task.Verdict);
    }

    [Fact]
    public void FailOn_reached_fails_the_task_with_AG2002_and_keeps_the_report()
    {
        var task = Task(RepoFiles.Sample("current.csv"), "fine-tune");

        Assert.False(task.Execute());
        Assert.Equal(["AG2002"], _engine.ErrorCodes);
        Assert.True(File.Exists(task.ReportFile));
    }

    [Fact]
    public void A_missing_cli_is_AG2003_before_anything_runs()
    {
        var task = Task(RepoFiles.Sample("current.csv"));
        task.CliPath = _temp.File("adaptgate.dll");

        Assert.False(task.Execute());
        Assert.Equal(["AG2003"], _engine.ErrorCodes);
        Assert.Contains("not at", _engine.Errors[0].Message, StringComparison.Ordinal);
    }
}
