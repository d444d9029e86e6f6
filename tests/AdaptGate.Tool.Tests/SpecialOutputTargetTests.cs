namespace AdaptGate.Tool.Tests;

/// <summary>
/// Outputs that are not plain files (issue 19, class 3): a symbolic link is written through to its target, a FIFO and a
/// device are written in place (never replaced by a regular file), '-' is standard output, and a regular file is still
/// replaced whole or not at all.
/// </summary>
public sealed class SpecialOutputTargetTests : IDisposable
{
    private const string Data = "a,b\n1,x\n2,y\n3,x\n4,y\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_report_through_a_symbolic_link_replaces_the_target_and_keeps_the_link()
    {
        var target = _dir.File("report-v1.json", "stale");
        var link = Path.Combine(_dir.Path, "report.json");
        File.CreateSymbolicLink(link, target);

        var run = Check("--json", link);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.StartsWith("{", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public void A_relative_link_in_another_folder_is_followed_from_its_own_folder()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_dir.Path, "reports")).FullName;
        var target = Path.Combine(reports, "latest.md");
        File.WriteAllText(target, "stale");
        var link = Path.Combine(_dir.Path, "summary.md");
        File.CreateSymbolicLink(link, Path.Combine("reports", "latest.md"));

        var run = Check("--markdown", link);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Path.Combine("reports", "latest.md"), new FileInfo(link).LinkTarget);
        Assert.StartsWith("## ", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_is_written_in_place_and_stays_a_fifo()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fifo = Path.Combine(_dir.Path, "report.pipe");
        Assert.Equal(0, ToolProcess.System("mkfifo", fifo));
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = Check("--json", fifo);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("{", await reader.WaitAsync(TimeSpan.FromMinutes(1)), StringComparison.Ordinal);
        Assert.Equal(0, ToolProcess.System("test", "-p", fifo));
    }

    [Fact]
    public void A_full_device_is_exit_2_with_one_line_and_stays_a_device()
    {
        // A private twin of /dev/full (char 1,7): the old rename would have replaced the device node with a file.
        var full = Path.Combine(_dir.Path, "full");
        if (!OperatingSystem.IsLinux() || ToolProcess.System("mknod", full, "c", "1", "7") != 0)
        {
            return; // mknod needs root
        }

        var run = Check("--output", full);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("No space left on device", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, ToolProcess.System("test", "-c", full));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--json")]
    [InlineData("--markdown")]
    public void A_dash_is_standard_output(string option)
    {
        var run = option == "--output"
            ? Check("--format", "json", option, "-")
            : Check("--output", Path.Combine(_dir.Path, "report.txt"), option, "-");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith(option == "--markdown" ? "## " : "{", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdict: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_reports_on_standard_output_are_refused()
    {
        var run = Check("--json", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("both go to standard output", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_file_keeps_its_permissions_and_no_temporary_file_is_left()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var report = _dir.File("report.json", "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;
        File.SetUnixFileMode(report, mode);

        var run = Check("--json", report);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(mode, File.GetUnixFileMode(report));
        Assert.StartsWith("{", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_dir.Path, "*report.json*"));
    }

    [Fact]
    public void A_folder_as_output_is_refused()
    {
        var run = Check("--json", _dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("folder", run.Stderr, StringComparison.Ordinal);
    }

    private CliRun Check(params string[] options) =>
        CliRun.Of(["check", "-r", Reference(), "-c", Reference(), .. options]);

    private string Reference() => File.Exists(Path.Combine(_dir.Path, "data.csv")) ? Path.Combine(_dir.Path, "data.csv") : _dir.File("data.csv", Data);
}
