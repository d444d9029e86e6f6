using System.Text.RegularExpressions;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Tests.Metrics;

namespace AdaptGate.Core.Tests.Reports;

public sealed partial class MarkdownReportFormatTests
{
    private static readonly string[] HostileNames = ["@org/team", "<img src=x onerror=alert(1)>", "a|b", "x`y\nz"];

    /// <summary>Hostile column names on drifted columns, and a hostile category, through the real check.</summary>
    private static CheckReport HostileReport()
    {
        var referenceColumns = new List<DataColumn>();
        var currentColumns = new List<DataColumn>();
        foreach (var name in HostileNames)
        {
            referenceColumns.Add(TestTables.Numbers(name, Enumerable.Range(0, 40).Select(i => (i * 1.5) + 0.25).ToArray()));
            currentColumns.Add(TestTables.Numbers(name, Enumerable.Range(0, 40).Select(i => (i * 1.5) + 45.25).ToArray()));
        }

        string?[] referenceText = [.. Enumerable.Repeat("plain", 30), .. Enumerable.Repeat("say \"hi\" [x]", 10)];
        string?[] currentText = [.. Enumerable.Repeat("plain", 5), .. Enumerable.Repeat("say \"hi\" [x]", 35)];
        referenceColumns.Add(TestTables.Text("team", referenceText));
        currentColumns.Add(TestTables.Text("team", currentText));

        return CheckRunner.Compare(
            new CheckRequest { ReferencePath = "ref.csv", CurrentPath = "cur.csv" },
            new GatePolicy(),
            TestTables.Of([.. referenceColumns]),
            TestTables.Of([.. currentColumns]));
    }

    [Fact]
    public void Hostile_column_names_are_escaped_in_the_drift_table()
    {
        var markdown = MarkdownReportFormat.Write(HostileReport());

        Assert.Contains("| @\u200Dorg/team | numeric | ks |", markdown, StringComparison.Ordinal);
        Assert.Contains("| &lt;img src=x onerror=alert(1)&gt; | numeric | ks |", markdown, StringComparison.Ordinal);
        Assert.Contains("| a\\|b | numeric | ks |", markdown, StringComparison.Ordinal);
        Assert.Contains("| x\\`y\\\\nz | numeric | ks |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@org", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_row_keeps_its_column_count()
    {
        var markdown = MarkdownReportFormat.Write(HostileReport());

        var table = markdown.Split("### Drift by column\n\n")[1].Split("\n\n")[0].Split('\n');
        Assert.Equal(2 + HostileNames.Length + 1, table.Length);
        Assert.All(table, row => Assert.Equal(10, UnescapedPipe().Count(row)));
    }

    [Fact]
    public void Drifted_columns_get_a_collapsible_chart_with_safe_labels()
    {
        var markdown = MarkdownReportFormat.Write(HostileReport());

        Assert.Contains("<details><summary><b>@\u200Dorg/team</b>: ks p-value", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary><b>&lt;img src=x onerror=alert(1)&gt;</b>", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary><b>x`y\\nz</b>", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nxychart-beta\n    x-axis [\"< 6.1\", \"6.1 – 11.95\",", markdown, StringComparison.Ordinal);
        Assert.Contains("    x-axis [\"say 'hi' (x)\", \"plain\"]\n    y-axis \"share of rows\" 0 --> 0.9\n    bar [0.25, 0.75]\n    bar [0.875, 0.125]\n```", markdown, StringComparison.Ordinal);
        Assert.Contains("| say \"hi\" \\[x\\] | 25% | 87.5% |", markdown, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(markdown, "<details>"), Regex.Count(markdown, "</details>"));
    }

    [Fact]
    public void Verdict_reasons_and_symbol_come_first()
    {
        var report = HostileReport();

        var markdown = MarkdownReportFormat.Write(report);

        Assert.StartsWith($"## 🔁 AdaptGate verdict: **retrain**\n\n- **drift-share-severe** → retrain: ", markdown, StringComparison.Ordinal);
        Assert.Contains("(value 1, threshold 0.5, margin 0.5)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_the_limit_charts_go_first_and_the_note_says_how_many()
    {
        var report = ReportBuilder.WithDriftedColumns(100);
        var full = MarkdownReportFormat.Write(report);

        var shrunk = MarkdownReportFormat.Write(report, new MarkdownOptions { MaxLength = MarkdownOptions.GitHubCommentLimit });

        Assert.True(full.Length > MarkdownOptions.GitHubCommentLimit, $"the full report has {full.Length} characters");
        Assert.InRange(shrunk.Length, 1, MarkdownOptions.GitHubCommentLimit);
        var charts = Regex.Count(shrunk, "<details>");
        Assert.InRange(charts, 1, 99);
        Assert.Contains($"_Left out to fit the size limit: the charts of {100 - charts} of 100 drifted columns. The JSON report has everything._", shrunk, StringComparison.Ordinal);
        Assert.Contains("| feature\\_0000 |", shrunk, StringComparison.Ordinal);
        Assert.Contains("| feature\\_0099 |", shrunk, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_thousand_columns_fit_a_github_comment_with_verdict_and_reasons()
    {
        var report = ReportBuilder.WithDriftedColumns(2000);

        var markdown = MarkdownReportFormat.Write(report, new MarkdownOptions { MaxLength = MarkdownOptions.GitHubCommentLimit });

        Assert.InRange(markdown.Length, MarkdownOptions.GitHubCommentLimit - 200, MarkdownOptions.GitHubCommentLimit);
        Assert.StartsWith("## 🔁 AdaptGate verdict: **retrain**\n\n- **drift-share-severe** → retrain: 2000 of 2000 feature columns drifted", markdown, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ A warning about 'feature\\_0000'.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", markdown, StringComparison.Ordinal);
        var rows = Regex.Count(markdown, @"^\| feature\\_\d{4} \|", RegexOptions.Multiline);
        Assert.InRange(rows, 100, 1999);

        // The most drifted columns (highest score) are the ones kept.
        Assert.Contains("| feature\\_1999 |", markdown, StringComparison.Ordinal);
        Assert.Contains($"_Left out to fit the size limit: the charts of 2000 of 2000 drifted columns and {2000 - rows} table rows and list items.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_limit_nothing_is_left_out()
    {
        var markdown = MarkdownReportFormat.Write(ReportBuilder.WithDriftedColumns(2000));

        Assert.Equal(2000, Regex.Count(markdown, "<details>"));
        Assert.DoesNotContain("Left out", markdown, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
