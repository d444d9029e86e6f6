using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// Column names and categories are data: whatever they hold, no output a person or a CI runner reads gets a line
/// that starts with them, a control character, or (in Markdown) a bare link; the JSON report keeps them exactly.
/// </summary>
public sealed class HostileTextOutputTests
{
    private static readonly string[] Names =
    [
        "a\n::error::x",
        "b\r##vso[task.setvariable variable=a]b",
        "c\u001b]8;;http://e\u0007",
        "https://evil.example",
        "d\u2028::add-mask::s",
        "e\r\n##[group]www.evil.example",
    ];

    private static readonly string[] Categories = ["x\n::error::cat", "\u001b[2J", "https://evil.example/c", "ok"];

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void No_output_of_a_check_carries_a_command_or_a_control_character_from_the_data(string format)
    {
        using var dir = new TempDir();
        var reference = dir.File("reference.csv", Csv(shift: 0));
        var current = dir.File("current.csv", Csv(shift: 1));
        var githubOutput = dir.File("github_output", string.Empty);
        var summary = dir.File("step_summary", string.Empty);
        var json = Path.Combine(dir.Path, "report.json");
        var markdown = Path.Combine(dir.Path, "report.md");
        var environment = new DictionaryEnvironment(
            ("GITHUB_ACTIONS", "true"), ("GITHUB_OUTPUT", githubOutput), ("GITHUB_STEP_SUMMARY", summary), ("TF_BUILD", "true"));

        var run = CliRun.With(environment, "check", "-r", reference, "-c", current, "--format", format, "--json", json, "--markdown", markdown, "--fail-on", "fine-tune", "--no-history");

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;

        // The JSON report keeps every name exactly (JSON escapes the control characters itself).
        var names = root.GetProperty("drift").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)
            .Concat(root.GetProperty("schema").GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("name").GetString()!));
        Assert.Equal(Names.Order(StringComparer.Ordinal), names.Where(n => n != "num").Order(StringComparer.Ordinal));

        // The tool's own commands, and only those: one annotation per reason to act on, per warning, the fail-on error.
        var actionable = root.GetProperty("reasons").EnumerateArray().Count(r => r.GetProperty("verdict").GetString() != "skip");
        var warnings = root.GetProperty("warnings").GetArrayLength();
        Assert.True(actionable >= 1);
        var log = run.Stdout + run.Stderr;
        var lines = log.Split('\n');
        var commandLines = lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToArray();
        Assert.True(commandLines.Length == actionable + warnings + 1, string.Join("\n", commandLines));
        Assert.All(lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)), l =>
            Assert.Matches("^::(warning|error) title=AdaptGate[^:]*::", l));
        Assert.Equal(3 + actionable + warnings + 1, lines.Count(l => l.Contains("##vso[", StringComparison.OrdinalIgnoreCase)));
        Assert.All(lines.Where(l => l.Contains("##vso[", StringComparison.OrdinalIgnoreCase)), l =>
            Assert.Matches(@"^##vso\[task\.(setvariable variable=(verdict|driftShare|report);isOutput=true|logissue type=(warning|error))\][^#]*$", l));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("##[", StringComparison.Ordinal));

        var outputs = new Dictionary<string, string>
        {
            ["log"] = log,
            ["markdown file"] = File.ReadAllText(markdown),
            ["step summary"] = File.ReadAllText(summary),
            ["GITHUB_OUTPUT"] = File.ReadAllText(githubOutput),
        };
        foreach (var (name, text) in outputs)
        {
            AssertNoControlCharacters(name, text);
        }

        // Bare URLs would become links in the pull request: the Markdown breaks each with a zero-width joiner.
        string[] markdowns = format == "markdown" ? [outputs["markdown file"], outputs["step summary"], run.Stdout] : [outputs["markdown file"], outputs["step summary"]];
        foreach (var md in markdowns)
        {
            Assert.DoesNotContain("://", md, StringComparison.Ordinal);
            Assert.DoesNotContain("www.", md, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("https:\u200D//evil.example", md, StringComparison.Ordinal);
        }

        // Visible escapes say what was there: a person can still tell the columns apart.
        if (format == "text")
        {
            Assert.Contains(@"a\n\x3a:error\x3a:x", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(@"c\x1b]8;;http://e\x07", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(@"d\u2028\x3a:add-mask\x3a:s", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_error_that_quotes_a_hostile_name_is_one_inert_line()
    {
        using var dir = new TempDir();
        var reference = dir.File("reference.csv", Csv(shift: 0));
        var current = dir.File("current.csv", Csv(shift: 1));

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--label", "missing\n::error::x", "--prediction", "num", "--no-history");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        AssertNoControlCharacters("stderr", run.Stderr);
    }

    private static void AssertNoControlCharacters(string output, string text)
    {
        var bad = text.Where(c => (c < ' ' && c is not '\n' and not '\t') || c == '\u007F' || c is >= '\u0080' and <= '\u009F' || c is '\u2028' or '\u2029').ToArray();
        Assert.True(bad.Length == 0, $"{output} has control characters: {string.Join(", ", bad.Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture)))}");
    }

    private static string Csv(int shift)
    {
        var csv = new StringBuilder(string.Join(',', Names.Select(n => "\"" + n + "\"").Append("num"))).Append('\n');
        for (var i = 0; i < 600; i++)
        {
            // The first two columns and 'num' drift (reasons, charts); the others stay put.
            var moving = shift == 0 ? Categories[2 + (i % 2)] : Categories[i % 4];
            var cells = new[]
            {
                moving,
                Categories[i % 4],
                (i + (shift * 1000)).ToString(CultureInfo.InvariantCulture),
                Categories[i % 4],
                ((i % 10) + (shift * 5)).ToString(CultureInfo.InvariantCulture),
                Categories[(i / 2) % 4],
                (i % 7).ToString(CultureInfo.InvariantCulture),
            };
            csv.AppendJoin(',', cells.Select(c => "\"" + c + "\"")).Append('\n');
        }

        return csv.ToString();
    }
}
