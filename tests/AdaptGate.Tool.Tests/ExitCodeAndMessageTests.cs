using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// Exit codes and messages (issue 19, class 10): failures the user can fix end in exit 2 with one line that says
/// where and what; signals end with the codes the README lists and leave no report behind.
/// </summary>
public sealed class ExitCodeAndMessageTests : IDisposable
{
    private const string Data = "a,b,label,pred\n1,x,1,1\n2,y,0,0\n3,x,1,0\n4,y,0,0\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Standard_output_on_a_full_disk_is_exit_2_with_one_line()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var data = _dir.File("data.csv", Data);
        var errors = Path.Combine(_dir.Path, "stderr.txt");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var tool = Path.Combine(AppContext.BaseDirectory, "adaptgate.dll");

        var code = ToolProcess.System("sh", "-c", "\"$0\" \"$1\" check -r \"$2\" -c \"$2\" --no-history > /dev/full 2> \"$3\"", dotnet, tool, data, errors);

        var stderr = File.ReadAllText(errors);
        Assert.Equal(2, code);
        Assert.Equal("error: Cannot write to standard output: No space left on device. Free space where standard output goes, or write the report to a file with --output FILE.\n", stderr);
    }

    [Theory]
    [InlineData("SIGINT", 130)]
    [InlineData("SIGTERM", 143)]
    public async Task A_signal_stops_the_check_with_its_exit_code_and_no_report(string signal, int expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var big = BigFile();
        var report = Path.Combine(_dir.Path, "adaptgate-report.json");
        using var process = Process.Start(ToolProcess.Start(_dir.Path, null, "check", "-r", big, "-c", big, "--no-history", "--json", report))!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        // The tool has the reference open: it is inside the check, past start-up (and so are its signal handlers).
        WaitUntilReading(process, big);
        Assert.Equal(0, ToolProcess.System("kill", "-s", signal[3..], process.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));

        Assert.Equal(expected, process.ExitCode);
        Assert.Equal("cancelled: no report was written.\n", await stderr);
        Assert.False(File.Exists(report));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    public static TheoryData<string[], string, string> ChoiceOptions() => new()
    {
        { ["check", "-r", "a.csv", "-c", "b.csv"], "--drift-method", "auto, ks, chisquare, psi, wasserstein, jensenshannon" },
        { ["check", "-r", "a.csv", "-c", "b.csv"], "--task", "binary, multiclass, regression" },
        { ["check", "-r", "a.csv", "-c", "b.csv"], "--format", "text, markdown, json" },
        { ["check", "-r", "a.csv", "-c", "b.csv"], "--fail-on", "none, fine-tune, retrain" },
        { ["record"], "--action", "fine-tune, retrain, skip" },
        { ["comment", "--report", "r.json"], "--mode", "update, recreate, append" },
        { ["comment", "--report", "r.json"], "--fail-on", "none, fine-tune, retrain" },
        { ["adapt", "-m", "m.zip", "-r", "a.csv", "-c", "b.csv"], "--action", "auto, fine-tune, retrain, compare" },
        { ["adapt", "-m", "m.zip", "-r", "a.csv", "-c", "b.csv"], "--format", "text, json" },
    };

    [Theory]
    [MemberData(nameof(ChoiceOptions))]
    public void A_wrong_choice_names_the_option_and_every_value_it_takes(string[] command, string option, string values)
    {
        var run = CliRun.Of([.. command, option, "bogus"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {option} does not take 'bogus': use one of {values}.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_choices_in_their_order()
    {
        var run = CliRun.Of("check", "--help");

        Assert.Contains("--drift-method <auto|ks|chisquare|psi|wasserstein|jensenshannon>", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"auc\": 7.5}", "$.auc", "auc is between 0 and 1")]
    [InlineData("{\"accuracy\": 1.2}", "$.accuracy", "accuracy is between 0 and 1")]
    [InlineData("{\"rmse\": -3}", "$.rmse", "rmse is at least 0")]
    [InlineData("{\"LogLoss\": -0.1}", "$.LogLoss", "log-loss is at least 0")]
    [InlineData("{\"r2\": 1.5}", "$.r2", "r2 is at most 1")]
    public void A_metric_out_of_its_range_is_refused_naming_file_path_and_range(string json, string jsonPath, string range)
    {
        var data = _dir.File("data.csv", Data);
        var metrics = _dir.File("metrics.json", "{\n  \"f1\": 0.5,\n" + json[1..]);
        var baseline = _dir.File("baseline.json", "{\"auc\": 0.9, \"accuracy\": 0.9, \"rmse\": 1, \"log-loss\": 0.3, \"r2\": 0.5}");

        var run = CliRun.Of("check", "-r", data, "-c", data, "--metrics", metrics, "--baseline-metrics", baseline);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {metrics}:3: metric '", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"at {jsonPath} is", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(range, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_as_a_percentage_is_told_to_be_a_share()
    {
        var data = _dir.File("data.csv", Data);
        var metrics = _dir.File("metrics.json", "{\"auc\": 91}");

        var run = CliRun.Of("check", "-r", data, "-c", data, "--metrics", metrics, "--baseline-metrics", metrics);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Write it as a share (0.91), not a percentage (91).", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_column_name_is_shortened_in_the_message()
    {
        var data = _dir.File("data.csv", Data);
        var name = new string('n', 10_000_000);

        var run = CliRun.Of("check", "-r", data, "-c", data, "--label", name);

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Stderr.Length < 2_000, $"{run.Stderr.Length} characters");
        Assert.Contains(new string('n', 80) + "…(10,000,000 chars)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_file_name_is_shortened_in_the_message()
    {
        var missing = Path.Combine(_dir.Path, new string('f', 1_000_000) + ".csv");

        var run = CliRun.Of("check", "-r", missing, "-c", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Stderr.Length < 2_000, $"{run.Stderr.Length} characters");
        Assert.Contains("chars)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_choice_value_is_shortened_in_the_message()
    {
        var run = CliRun.Of("check", "-r", "a.csv", "-c", "b.csv", "--drift-method", new string('k', 1_000_000));

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Stderr.Length < 2_000, $"{run.Stderr.Length} characters");
    }

    [Theory]
    [InlineData("--label", "label", "--prediction", "label", "the label (--label) and the prediction (--prediction)")]
    [InlineData("--label", "label", "--probability", "label", "the label (--label) and the probability (--probability)")]
    [InlineData("--prediction", "pred", "--probability", "pred", "the prediction (--prediction) and the probability (--probability)")]
    [InlineData("--label", "label", "--ignore", "a,label", "the label (--label) and ignored (--ignore)")]
    public void One_column_in_two_roles_is_refused(string firstOption, string first, string secondOption, string second, string roles)
    {
        var data = _dir.File("data.csv", Data);

        var run = CliRun.Of("check", "-r", data, "-c", data, firstOption, first, secondOption, second);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"is given two roles: {roles}.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_from_the_policy_and_one_from_the_command_line_may_not_share_a_column()
    {
        var data = _dir.File("data.csv", Data);
        var policy = _dir.File("policy.json", "{ \"target\": { \"label\": \"label\" } }");

        var run = CliRun.Of("check", "-r", data, "-c", data, "--policy", policy, "--prediction", "label");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Column 'label' is given two roles: the label (target.label in the policy) and the prediction (--prediction).", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_colour_in_ci_when_NO_COLOR_is_set()
    {
        var data = _dir.File("data.csv", Data);
        var environment = new Dictionary<string, string>
        {
            ["NO_COLOR"] = "1",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = string.Empty,
            ["GITHUB_STEP_SUMMARY"] = string.Empty,
            ["TF_BUILD"] = "True",
        };

        var (code, stdout, stderr) = ToolProcess.Run(_dir.Path, environment, "check", "-r", data, "-c", data, "--no-history");
        var (_, explain, _) = ToolProcess.Run(_dir.Path, environment, "explain");

        Assert.True(code == 0, stderr);
        Assert.Contains("Verdict: SKIP", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain('\u001b', stderr);
        Assert.DoesNotContain('\u001b', explain);
    }

    private static void WaitUntilReading(Process process, string file)
    {
        var fds = $"/proc/{process.Id}/fd";
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1) && !process.HasExited)
        {
            try
            {
                // By name: the link holds the real path, which differs from ours when the temp folder is itself a link.
                if (Directory.EnumerateFileSystemEntries(fds).Any(fd => new FileInfo(fd).LinkTarget?.EndsWith(Path.DirectorySeparatorChar + Path.GetFileName(file), StringComparison.Ordinal) == true))
                {
                    return;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A descriptor closed while being looked at: look again.
            }

            Thread.Sleep(10);
        }

        throw new InvalidOperationException("the tool never opened " + file);
    }

    /// <summary>About 40 MB: a check of it takes seconds, far longer than a signal takes to arrive.</summary>
    private string BigFile()
    {
        var path = Path.Combine(_dir.Path, "big.csv");
        var random = new Random(19);
        using var writer = new StreamWriter(path, append: false, Encoding.UTF8, 1 << 16);
        writer.Write("a,b,c\n");
        for (var i = 0; i < 1_000_000; i++)
        {
            writer.Write(random.NextDouble().ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(random.Next(1000));
            writer.Write(",x");
            writer.Write(random.Next(20));
            writer.Write('\n');
        }

        return path;
    }
}
