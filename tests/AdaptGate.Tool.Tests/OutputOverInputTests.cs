namespace AdaptGate.Tool.Tests;

/// <summary>
/// An output never replaces an input (issue 19, class 2): every output option of check, adapt and record is refused,
/// with exit 2 naming both roles and the path, when it resolves to one of the run's inputs, and the input is left as it was.
/// </summary>
public sealed class OutputOverInputTests : IDisposable
{
    private const string Data = "a,b,label,pred\n1,x,1,1\n2,y,0,0\n3,x,1,0\n4,y,0,0\n5,x,1,1\n6,y,0,1\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> OutputsAndInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var output in new[] { "--output", "--json", "--markdown", "--html" })
        {
            foreach (var input in new[] { "--reference", "--current", "--policy", "--metrics", "--baseline-metrics", "--history" })
            {
                data.Add(output, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutputsAndInputs))]
    public void A_check_report_over_an_input_is_refused_and_the_input_kept(string outputOption, string inputOption)
    {
        var files = Inputs();
        var target = files[inputOption];
        var before = File.ReadAllBytes(target);

        var run = CliRun.Of([.. Check(files), outputOption, target]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"({outputOption})", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"({inputOption})", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(target, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(target));
    }

    [Fact]
    public void A_report_through_a_symbolic_link_to_the_policy_is_refused()
    {
        var files = Inputs();
        var link = Path.Combine(_dir.Path, "report.json");
        File.CreateSymbolicLink(link, files["--policy"]);
        var before = File.ReadAllText(files["--policy"]);

        var run = CliRun.Of([.. Check(files), "--json", link]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("(--json) would overwrite the policy (--policy)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(files["--policy"]));
        Assert.Equal(files["--policy"], new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_report_named_by_another_path_to_the_same_file_is_refused()
    {
        var files = Inputs();
        var roundabout = Path.Combine(_dir.Path, "sub", "..", "cur.csv");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "sub"));

        var run = CliRun.Of([.. Check(files), "--markdown", roundabout]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the current data (--current)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Data, File.ReadAllText(files["--current"]));
    }

    [Fact]
    public void The_default_policy_is_an_input_too()
    {
        // The README's old example wrote the JSON report to adaptgate.json, where the policy is found by its default name.
        var folder = Path.Combine(_dir.Path, "work");
        Directory.CreateDirectory(folder);
        var policy = Path.Combine(folder, "adaptgate.json");
        File.WriteAllText(policy, "{}");
        var files = Inputs();

        // A real process, so the working folder is its own and no other test sees this adaptgate.json.
        var run = ToolProcess.Run(folder, null, "check", "-r", files["--reference"], "-c", files["--current"], "--no-history", "--json", "adaptgate.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The JSON report (--json) would overwrite the policy (--policy)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(policy));
    }

    [Fact]
    public void The_history_is_never_appended_to_the_data()
    {
        var files = Inputs();

        var run = CliRun.Of("check", "-r", files["--reference"], "-c", files["--current"], "--history", files["--reference"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The history file (--history) would overwrite the reference data (--reference)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Data, File.ReadAllText(files["--reference"]));
    }

    [Fact]
    public void Two_reports_to_one_file_are_refused_naming_both()
    {
        var files = Inputs();
        var report = Path.Combine(_dir.Path, "adaptgate-report.json");

        var run = CliRun.Of([.. Check(files), "--format", "json", "--output", report, "--json", report]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The report (--output) and the JSON report (--json) would both be written to", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_never_appends_to_the_policy()
    {
        var policy = _dir.File("adaptgate.json", "{}");

        var run = CliRun.Of("record", "--action", "retrain", "--policy", policy, "--history", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The history file (--history) would overwrite the policy (--policy)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(policy));
    }

    [Fact]
    public void A_distinct_report_next_to_the_inputs_is_written()
    {
        var files = Inputs();
        var report = Path.Combine(_dir.Path, "adaptgate-report.json");

        var run = CliRun.Of("check", "-r", files["--reference"], "-c", files["--current"], "--policy", files["--policy"], "--json", report);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("{", File.ReadAllText(report), StringComparison.Ordinal);
    }

    private Dictionary<string, string> Inputs() => new()
    {
        ["--reference"] = _dir.File("ref.csv", Data),
        ["--current"] = _dir.File("cur.csv", Data),
        ["--policy"] = _dir.File("policy.json", "{ \"target\": { \"label\": \"label\", \"prediction\": \"pred\" } }"),
        ["--metrics"] = _dir.File("metrics.json", "{\"accuracy\": 0.8}"),
        ["--baseline-metrics"] = _dir.File("baseline.json", "{\"accuracy\": 0.9}"),
        ["--history"] = _dir.File("history.jsonl", string.Empty),
    };

    private static string[] Check(Dictionary<string, string> files) =>
        ["check", .. files.SelectMany(f => new[] { f.Key, f.Value })];
}
