using System.Text;
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
        // Numbers: short bin names on the axis, ranges in the table; the current's bars, the reference's line over them.
        Assert.Contains("```mermaid\n%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"#E69F00, #0072B2\"}}}}%%\nxychart-beta\n    x-axis [\"b1\", \"b2\", \"b3\",", markdown, StringComparison.Ordinal);
        Assert.Contains("| b1 | &lt; 6.1 | 10% | 0% |", markdown, StringComparison.Ordinal);
        Assert.Contains("Orange bars: current; blue line: reference. Share of non-missing rows (%) per bin of the reference's deciles; the bins' ranges are in the table.\n\n```mermaid", markdown, StringComparison.Ordinal);

        // Categories: shortened on the axis, whole in the table; shares in percent.
        Assert.Contains("    x-axis [\"say 'hi' (x)\", \"plain\"]\n    y-axis \"% of rows\" 0 --> 90\n    bar [87.5, 12.5]\n    line [25, 75]\n```", markdown, StringComparison.Ordinal);
        Assert.Contains("| say 'hi' (x) | say \"hi\" \\[x\\] | 25% | 87.5% |", markdown, StringComparison.Ordinal);
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
    public void Mermaid_labels_hold_no_character_references_that_would_show()
    {
        var column = new ColumnDrift("band", "categorical", "jensenshannon", 0.4, null, null, 0.1, true, 1, new MissingRates(0, 0), null,
            new ColumnDistribution(["< 5", "a&b"], [0.5, 0.5], [0.1, 0.9]));

        var markdown = MarkdownReportFormat.Write(ReportBuilder.With([column]));

        var chart = markdown.Split("```mermaid\n")[1].Split("```")[0];
        Assert.Contains("x-axis [\"‹ 5\", \"a＆b\"]", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("<", chart.Replace("%%{init", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("| ‹ 5 | &lt; 5 | 50% | 10% |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Seven_categories_get_labels_of_eight_characters()
    {
        var column = new ColumnDrift("city", "categorical", "jensenshannon", 0.4, null, null, 0.1, true, 1, new MissingRates(0, 0), null,
            new ColumnDistribution([.. Enumerable.Range(1, 7).Select(i => $"Springfield {i}")], [.. Enumerable.Repeat(1 / 7.0, 7)], [.. Enumerable.Repeat(1 / 7.0, 7)]));

        var markdown = MarkdownReportFormat.Write(ReportBuilder.With([column]));

        Assert.Contains("x-axis [\"Springf…\", \"Springf…\",", markdown, StringComparison.Ordinal);
        Assert.Contains("| Springf… | Springfield 7 | 14.3% | 14.3% |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_three_of_fifty_columns_lists_three_and_says_forty_seven_are_left_out()
    {
        var columns = Enumerable.Range(0, 50)
            .Select(i => new ColumnDrift($"c{i:00}", "numeric", "wasserstein", i / 100.0, null, null, 0.1, Drifted: i >= 45, 1, new MissingRates(0, 0), null,
                new ColumnDistribution(["< 1", ">= 1"], [0.5, 0.5], [0.4, 0.6])))
            .ToArray();

        var markdown = MarkdownReportFormat.Write(ReportBuilder.With(columns), new MarkdownOptions { Top = 3 });

        Assert.Equal(["c49", "c48", "c47"], DriftRows().Matches(markdown).Select(m => m.Groups[1].Value));
        Assert.Contains("_Showing the 3 most drifted of 50 columns (--top 3): 47 left out, 2 of them drifted. The JSON report has every column._", markdown, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(markdown, "<details>"));
        Assert.Contains("5 of 50 feature columns drifted", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_drops_the_rows_of_columns_that_did_not_drift_before_any_chart()
    {
        // 2,000 columns of which 20 drifted: the 1,980 stable rows go, all 20 charts stay.
        var columns = Enumerable.Range(0, 2000)
            .Select(i => new ColumnDrift($"f{i:0000}", "numeric", "wasserstein", i < 20 ? 0.5 : 0.01, null, null, 0.1, Drifted: i < 20, 1, new MissingRates(0, 0), null,
                new ColumnDistribution(["< 1", "1 – 2", ">= 2"], [0.3, 0.3, 0.4], [0.1, 0.2, 0.7])))
            .ToArray();
        var report = ReportBuilder.With(columns);

        var comment = MarkdownReportFormat.Write(report, new MarkdownOptions { MaxLength = MarkdownOptions.GitHubCommentLimit });

        Assert.True(MarkdownReportFormat.Write(report).Length > MarkdownOptions.GitHubCommentLimit);
        Assert.InRange(comment.Length, 1, MarkdownOptions.GitHubCommentLimit);
        Assert.Equal(20, Regex.Count(comment, "<details>"));
        var rows = DriftRows().Matches(comment).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"f{i:0000}"), rows.Take(20));
        Assert.InRange(rows.Length, 21, 1999);
        Assert.Contains($"_Left out to fit the size limit: {2000 - rows.Length} table rows and list items.", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_thousand_drifted_columns_stay_within_the_step_summary_budget_with_all_rows_and_some_charts()
    {
        var report = ReportBuilder.WithDriftedColumns(2000);

        var markdown = MarkdownReportFormat.Write(report, new MarkdownOptions { MaxUtf8Bytes = MarkdownOptions.StepSummaryUtf8Bytes });

        Assert.True(Encoding.UTF8.GetByteCount(MarkdownReportFormat.Write(report)) > MarkdownOptions.StepSummaryUtf8Bytes);
        Assert.InRange(Encoding.UTF8.GetByteCount(markdown), MarkdownOptions.StepSummaryUtf8Bytes - 5000, MarkdownOptions.StepSummaryUtf8Bytes);
        Assert.Equal(2000, DriftRows().Count(markdown));
        var charts = Regex.Count(markdown, "<details>");
        Assert.InRange(charts, 100, 1999);
        Assert.Contains($"_Left out to fit the size limit: the charts of {2000 - charts} of 2000 drifted columns. The JSON report has everything._", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_byte_budget_counts_multi_byte_names()
    {
        // Three bytes a character: within the characters, over the bytes.
        var columns = Enumerable.Range(0, 300)
            .Select(i => new ColumnDrift($"列{i:000}" + new string('名', 40), "numeric", "wasserstein", 0.5, null, null, 0.1, true, 1, new MissingRates(0, 0), null,
                new ColumnDistribution(["< 1", ">= 1"], [0.5, 0.5], [0.1, 0.9])))
            .ToArray();
        var report = ReportBuilder.With(columns);
        var full = MarkdownReportFormat.Write(report);
        var budget = full.Length + 1000;

        var markdown = MarkdownReportFormat.Write(report, new MarkdownOptions { MaxUtf8Bytes = budget });

        Assert.True(Encoding.UTF8.GetByteCount(full) > budget);
        Assert.InRange(Encoding.UTF8.GetByteCount(markdown), 1, budget);
        Assert.Contains("_Left out to fit the size limit: the charts of ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_limit_nothing_is_left_out()
    {
        var markdown = MarkdownReportFormat.Write(ReportBuilder.WithDriftedColumns(2000));

        Assert.Equal(2000, Regex.Count(markdown, "<details>"));
        Assert.DoesNotContain("Left out", markdown, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| ([^ |]+) \| (?:numeric|categorical) \| wasserstein", RegexOptions.Multiline)]
    private static partial Regex DriftRows();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
