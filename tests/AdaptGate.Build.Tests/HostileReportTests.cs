namespace AdaptGate.Build.Tests;

/// <summary>A report's messages quote column names: the build log gets them as one inert line each.</summary>
public sealed class HostileReportTests : IDisposable
{
    private const string Report = """
        {
          "verdict": "retrain",
          "reasons": [
            { "rule": "drift-share-severe", "verdict": "retrain", "message": "2 of 2 feature columns drifted: 'a\n::error::x', 'b\r##vso[task.setvariable variable=a]b'", "value": 1, "threshold": 0.5, "margin": 0.5 }
          ],
          "warnings": [ "Check the pipeline that feeds 'c\u001b]8;;http://e\u0007'." ],
          "drift": { "share": 1, "columns": [] }
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Messages_from_a_hostile_report_start_no_command_and_carry_no_control_character()
    {
        var task = new AdaptGateCheck
        {
            BuildEngine = _engine,
            ReferenceData = _temp.File("reference.csv"),
            CurrentData = _temp.File("current.csv"),
            ReportFile = _temp.File("report.json"),
            WorkingDirectory = _temp.Path,
            FailOn = "retrain",
            CliPath = "adaptgate.dll",
        };
        _temp.Write("report.json", Report);

        Assert.False(task.Interpret(0, ["verdict: retrain"]));

        var messages = _engine.Warnings.Select(w => w.Message!).Concat(_engine.Errors.Select(e => e.Message!)).Concat(_engine.Messages.Select(m => m.Message!)).ToArray();
        Assert.Contains(messages, m => m.Contains(@"'a\n\x3a:error\x3a:x', 'b\r\x23#vso[task.setvariable variable=a]b'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains(@"'c\x1b]8;;http://e\x07'", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(m, c => char.IsControl(c)));
        Assert.All(messages, m => Assert.DoesNotContain("##vso[", m, StringComparison.Ordinal));
    }
}
