using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdaptGate.Tool.Tests;

/// <summary>`check --top N` on wide data: the text and Markdown reports show the N most drifted columns and say what they left out; JSON keeps all.</summary>
public sealed partial class TopOptionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>50 numeric columns of 60 rows (not integers, which would read as identifiers); the first five move by 100 (they drift), the others stay.</summary>
    private (string Reference, string Current) FiftyColumns()
    {
        var header = string.Join(',', Enumerable.Range(0, 50).Select(i => $"c{i:00}"));
        string Rows(bool shifted)
        {
            var text = new StringBuilder(header).Append('\n');
            for (var row = 0; row < 60; row++)
            {
                text.AppendJoin(',', Enumerable.Range(0, 50).Select(i => ((row * 1.5) + 0.25 + (shifted && i < 5 ? 100 + i : 0)).ToString(CultureInfo.InvariantCulture))).Append('\n');
            }

            return text.ToString();
        }

        return (_dir.File("reference.csv", Rows(false)), _dir.File("current.csv", Rows(true)));
    }

    [Fact]
    public void Top_three_of_fifty_lists_three_and_says_forty_seven_are_left_out()
    {
        var (reference, current) = FiftyColumns();
        var markdown = Path.Combine(_dir.Path, "report.md");
        var json = Path.Combine(_dir.Path, "report.json");

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--no-history", "--top", "3", "--markdown", markdown, "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, TextRow().Count(run.Stdout));
        Assert.Contains("Showing the 3 most drifted of 50 columns (--top 3): 47 left out, 2 of them drifted. The JSON report has every column.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("5 of 50 feature columns drifted", run.Stdout, StringComparison.Ordinal);

        var md = File.ReadAllText(markdown);
        Assert.Equal(3, MarkdownRow().Count(md));
        Assert.Equal(3, Regex.Count(md, "<details>"));
        Assert.Contains("_Showing the 3 most drifted of 50 columns (--top 3): 47 left out, 2 of them drifted. The JSON report has every column._", md, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(50, report.RootElement.GetProperty("drift").GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public void Each_reason_ends_with_its_value_threshold_and_margin()
    {
        var (reference, current) = FiftyColumns();

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--no-history");

        // 60 current rows are 440 short of the 500 a fine-tune needs; 5 drifted columns are 4 past the 1 that counts.
        Assert.StartsWith("Verdict: SKIP\n  - [too-little-data] only 60 current rows", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(value\n                      60, threshold 500, margin 440)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - [drift-detected] 5 of 50 feature columns drifted: 'c00', 'c01', 'c02', 'c03', 'c04' (value 5, threshold 1, margin 4)\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_must_be_positive()
    {
        var (reference, current) = FiftyColumns();

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--no-history", "--top", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--top must be a positive number of columns.", run.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^│ c\d\d +│ numeric", RegexOptions.Multiline)]
    private static partial Regex TextRow();

    [GeneratedRegex(@"^\| c\d\d \| numeric", RegexOptions.Multiline)]
    private static partial Regex MarkdownRow();
}
