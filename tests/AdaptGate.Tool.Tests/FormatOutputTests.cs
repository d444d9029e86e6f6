using System.Text.Json;

namespace AdaptGate.Tool.Tests;

public sealed class FormatOutputTests
{
    private static readonly string[] Shifted = ["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv")];

    [Fact]
    public void Markdown_goes_to_standard_output()
    {
        var run = CliRun.Of([.. Shifted, "--format", "markdown"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## 🔁 AdaptGate verdict: **retrain**\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| car\\_value | numeric | wasserstein |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("%%\nxychart-beta\n    x-axis [\"b1\", \"b2\",", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Html_report_is_one_page_with_a_chart_per_drifted_column()
    {
        using var dir = new TempDir();
        var html = Path.Combine(dir.Path, "report.html");
        var json = Path.Combine(dir.Path, "report.json");

        var run = CliRun.Of([.. Shifted, "--html", html, "--json", json]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Verdict: RETRAIN\n", run.Stdout, StringComparison.Ordinal);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>\n", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"verdict\" class=\"verdict v-retrain\">retrain</span>", page, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var drifted = report.RootElement.GetProperty("drift").GetProperty("driftedColumns").GetInt32();
        Assert.Equal(5, drifted);
        Assert.Equal(drifted, System.Text.RegularExpressions.Regex.Count(page, "<figure class=\"chart drifted\""));
        Assert.Contains("data-column=\"car_value\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_json_and_markdown_files_are_written_at_once()
    {
        using var dir = new TempDir();
        var text = Path.Combine(dir.Path, "report.txt");
        var json = Path.Combine(dir.Path, "out", "report.json");
        var markdown = Path.Combine(dir.Path, "report.md");

        var run = CliRun.Of([.. Shifted, "--output", text, "--json", json, "--markdown", markdown]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("verdict: retrain (", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Verdict: RETRAIN\n", File.ReadAllText(text), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", File.ReadAllText(text), StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("retrain", parsed.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(10, parsed.RootElement.GetProperty("drift").GetProperty("columns")[0].GetProperty("distribution").GetProperty("bins").GetArrayLength());
        Assert.StartsWith("## 🔁 AdaptGate verdict: **retrain**\n", File.ReadAllText(markdown), StringComparison.Ordinal);
        Assert.Equal(["report.md", "report.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_in_json_format_is_the_json_report()
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "report.json");

        var run = CliRun.Of([.. Shifted, "--format", "json", "--output", output, "--no-history"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of([.. Shifted, "--format", "json", "--no-history"]).Stdout, File.ReadAllText(output));
    }

    [Fact]
    public void Two_reports_to_one_file_are_refused_before_the_check()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "report.json");

        var run = CliRun.Of([.. Shifted, "--format", "json", "--output", path, "--json", path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {path}: The report (--output) and the JSON report (--json) would both be written to {path}, and only the last would be left. Give each output a file of its own.\n", run.Stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Unknown_format_is_bad_usage()
    {
        var run = CliRun.Of([.. Shifted, "--format", "html"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("html", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_check_exits_130_and_leaves_no_file()
    {
        using var dir = new TempDir();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var run = CliRun.With(
            new DictionaryEnvironment(),
            cancelled.Token,
            [.. Shifted, "--output", Path.Combine(dir.Path, "r.txt"), "--json", Path.Combine(dir.Path, "r.json"), "--markdown", Path.Combine(dir.Path, "r.md")]);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("cancelled: no report was written.\n", run.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Text_for_a_pipe_or_with_no_color_has_no_colour_codes_and_no_progress()
    {
        var run = CliRun.With(new DictionaryEnvironment(("NO_COLOR", string.Empty)), [.. Shifted]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Verdict: RETRAIN\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void No_color_wins_even_on_the_real_console()
    {
        Assert.False(Output.Terminal.UsesColor(Console.Out, new DictionaryEnvironment(("NO_COLOR", string.Empty))));
        Assert.False(Output.Terminal.UsesColor(new StringWriter(), new DictionaryEnvironment()));
        Assert.False(Output.Terminal.ShowsProgress(new StringWriter()));
    }
}
