using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Reports.Html;
using AdaptGate.Core.Tests.Metrics;

namespace AdaptGate.Core.Tests.Reports;

public sealed partial class HtmlReportFormatTests
{
    private static readonly string[] Deciles = ["< 1", "1 – 2", "2 – 3", "3 – 4", "4 – 5", "5 – 6", "6 – 7", "7 – 8", "8 – 9", ">= 9"];
    private static readonly double[] Flat = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    private static readonly double[] Skewed = [0.3, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.03, 0.02];

    private static ColumnDrift Numeric(string name, bool drifted, double score, double[] current) =>
        new(name, "numeric", "wasserstein", score, null, null, 0.1, drifted, 1, new MissingRates(0, 0.02), null, new ColumnDistribution(Deciles, Flat, current));

    private static ColumnDrift Categorical(string name, bool drifted) =>
        new(name, "categorical", "jensenshannon", drifted ? 0.4 : 0.01, null, null, 0.1, drifted, 1, new MissingRates(0, 0), null,
            new ColumnDistribution(["red", "green", "other"], [0.5, 0.3, 0.2], [0.2, 0.3, 0.5]));

    /// <summary>Two drifted columns (a number, a category) and one that did not drift.</summary>
    private static CheckReport Known() => ReportBuilder.With(
    [
        Numeric("income", drifted: true, 0.9, Skewed),
        Categorical("colour", drifted: true),
        Numeric("age", drifted: false, 0.01, Flat),
    ]);

    [Fact]
    public void Each_drifted_column_gets_one_shown_chart_and_the_others_one_on_demand()
    {
        var html = HtmlReportFormat.Write(Known());

        var drifted = Section(html, "drifted");
        Assert.Equal(2, Regex.Count(drifted, "<svg "));
        Assert.Equal(["income", "colour"], FigureColumns().Matches(drifted).Select(m => m.Groups[1].Value));
        var stable = Section(html, "stable");
        Assert.Equal(1, Regex.Count(stable, "<svg "));
        Assert.StartsWith("<h2>Other columns (1)</h2><p class=\"muted\">Open a column to see its chart.</p><details><summary>age: wasserstein score 0.01 (threshold 0.1)</summary>", stable, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<svg "));
    }

    [Fact]
    public void Numeric_bars_are_the_current_shares_on_an_axis_topped_at_the_highest_and_the_reference_is_a_step_line()
    {
        var chart = Figure(HtmlReportFormat.Write(Known()), "income");

        // The highest share is 0.3, so the axis tops at 30% and a bar of 0.3 fills the plot's 196 units.
        Assert.Equal(196, DistributionChart.PlotHeight);
        var heights = Bars(chart, "cur").Select(b => b.Height).ToArray();
        Assert.Equal([196, 130.67, 65.33, 65.33, 65.33, 32.67, 32.67, 32.67, 19.6, 13.07], heights);
        Assert.Empty(Bars(chart, "ref"));

        // The reference (10% everywhere) is one level at 14 + 196 - 65.33 = 144.67 across all ten bins of 57.6 units.
        var step = StepPath().Match(chart).Groups[1].Value;
        Assert.StartsWith("M52 144.67H109.6V144.67H167.2", step, StringComparison.Ordinal);
        Assert.EndsWith("H628", step, StringComparison.Ordinal);
        Assert.Contains(">b1</text>", chart, StringComparison.Ordinal);
        Assert.Contains(">b10</text>", chart, StringComparison.Ordinal);
        Assert.Contains("<td>b1</td><td>&lt; 1</td><td class=\"n\">10%</td><td class=\"n\">30%</td>", chart, StringComparison.Ordinal);
        Assert.Contains(">30%</text>", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Categories_get_a_pair_of_bars_each_reference_left()
    {
        var chart = Figure(HtmlReportFormat.Write(Known()), "colour");

        var reference = Bars(chart, "ref");
        var current = Bars(chart, "cur");
        Assert.Equal([196, 117.6, 78.4], reference.Select(b => b.Height));
        Assert.Equal([78.4, 117.6, 196], current.Select(b => b.Height));
        Assert.All(reference.Zip(current), pair => Assert.True(pair.First.X < pair.Second.X));
        Assert.Contains(">red</text>", chart, StringComparison.Ordinal);
        Assert.Contains("reference (left bar)", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chart_has_a_title_and_a_description_it_is_labelled_by()
    {
        var html = HtmlReportFormat.Write(Known());

        var svgs = SvgOpening().Matches(html).ToArray();
        Assert.Equal(3, svgs.Length);
        foreach (var svg in svgs)
        {
            var id = svg.Groups[1].Value;
            Assert.Contains($"<title id=\"{id}-t\">", html, StringComparison.Ordinal);
            Assert.Contains($"<desc id=\"{id}-d\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<desc id=\"col-1-svg-d\">bars: current share of rows per bin of the reference's deciles; line: reference share. Reference to current share per bin: &lt; 1: 10% to 30%;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reasons_show_value_threshold_and_margin()
    {
        var html = HtmlReportFormat.Write(Known());

        Assert.Contains("<td><b>drift-share-severe</b></td><td class=\"v-retrain\">retrain</td><td>2 of 3 feature columns drifted (share ", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\" title=\"value\">0.6667</td><td class=\"n\">0.5</td><td class=\"n\">0.1667</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"verdict\" class=\"verdict v-retrain\">retrain</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_table_rows_carry_sort_keys_most_drifted_first()
    {
        var html = HtmlReportFormat.Write(Known());

        var table = Section(html, "columns");
        Assert.Equal(["income", "colour", "age"], RowNames().Matches(table).Select(m => m.Groups[1].Value));
        Assert.Contains("<tr class=\"drifted\" data-name=\"income\"><td data-v=\"income\"><a href=\"#col-1\">income</a></td><td data-v=\"numeric\">numeric</td><td data-v=\"wasserstein\">wasserstein</td><td class=\"n\" data-v=\"0.9\">0.9</td><td class=\"n\" data-v=\"\">–</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\" data-v=\"0.02\">0% → 2%</td>", table, StringComparison.Ordinal);
        Assert.Equal(11, Regex.Count(table, "<th[ >]"));
        Assert.Equal(11, Regex.Count(table, "<button type=\"button\">"));
    }

    [Fact]
    public void The_page_loads_nothing_and_allows_only_its_own_style_and_script()
    {
        var html = HtmlReportFormat.Write(Known());

        var policy = CspContent().Match(html).Groups[1].Value;
        var script = ScriptText().Match(html).Groups[1].Value;
        var style = StyleText().Match(html).Groups[1].Value;
        Assert.Equal($"default-src 'none'; style-src '{Sha256(style)}'; script-src '{Sha256(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'", policy);
        Assert.Equal(1, Regex.Count(html, "<script"));
        Assert.Equal(1, Regex.Count(html, "<style"));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" href=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_and_categories_are_escaped_everywhere()
    {
        string[] names = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&amp;", "x'y"];
        var reference = new List<DataColumn>();
        var current = new List<DataColumn>();
        foreach (var name in names)
        {
            reference.Add(TestTables.Numbers(name, Enumerable.Range(0, 40).Select(i => (i * 1.5) + 0.25).ToArray()));
            current.Add(TestTables.Numbers(name, Enumerable.Range(0, 40).Select(i => (i * 1.5) + 45.25).ToArray()));
        }

        reference.Add(TestTables.Text("team", [.. Enumerable.Repeat("plain", 30), .. Enumerable.Repeat("<b onmouseover=x>", 10)]));
        current.Add(TestTables.Text("team", [.. Enumerable.Repeat("plain", 5), .. Enumerable.Repeat("<b onmouseover=x>", 35)]));
        var report = CheckRunner.Compare(
            new CheckRequest { ReferencePath = "<ref>.csv", CurrentPath = "cur\".csv" },
            new GatePolicy(),
            TestTables.Of([.. reference]),
            TestTables.Of([.. current]));

        var html = HtmlReportFormat.Write(report);

        Assert.Equal(5, report.Drift.DriftedColumns);
        Assert.Equal(1, Regex.Count(html, "<script"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("x'y", html, StringComparison.Ordinal);
        Assert.Contains("data-name=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("data-column=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<b>&amp;amp;</b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b onmouseover=x&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("Reference &lt;ref&gt;.csv", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "<figure class=\"chart drifted\""));
    }

    [Fact]
    public void The_schema_lists_only_missing_rates_that_changed()
    {
        var report = Known() with
        {
            Schema = new SchemaSection(["gone"], [], [], [], [new ColumnMissing("income", 0, 0.02, 0.02), new ColumnMissing("age", 0.1, 0.1, 0)], []),
        };

        var schema = Section(HtmlReportFormat.Write(report), "schema");

        Assert.Equal("<h2>Schema</h2><h3>Only in reference (1)</h3><ul><li>gone</li></ul><h3>Missing values changed (1)</h3><ul><li>income: 0% → 2%</li></ul>", schema);
    }

    [Fact]
    public void One_hundred_columns_fit_in_a_megabyte()
    {
        var columns = Enumerable.Range(0, 100)
            .Select(i => i % 2 == 0
                ? Numeric($"numeric_feature_{i:000}", drifted: i % 4 == 0, 0.2, Skewed)
                : new ColumnDrift($"categorical_feature_{i:000}", "categorical", "jensenshannon", 0.2, null, null, 0.1, i % 4 == 1, 1, new MissingRates(0, 0), null,
                    new ColumnDistribution(
                        [.. Enumerable.Range(0, 12).Select(c => $"a rather long category name {c}"), "other"],
                        [.. Enumerable.Repeat(1 / 13.0, 13)],
                        [.. Enumerable.Range(0, 13).Select(c => (c + 1) / 91.0)])))
            .ToArray();

        var bytes = Encoding.UTF8.GetByteCount(HtmlReportFormat.Write(ReportBuilder.With(columns)));

        Assert.InRange(bytes, 100_000, 1_000_000);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        start += $"<section id=\"{id}\">".Length;
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Figure(string html, string column)
    {
        var start = html.IndexOf($"data-column=\"{column}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no figure of {column}");
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    private static (double X, double Height)[] Bars(string chart, string kind) =>
        BarRect().Matches(chart)
            .Where(m => m.Groups[1].Value == kind)
            .Select(m => (double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToArray();

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<figure class=\"chart drifted\" id=\"col-\\d+\" data-column=\"([^\"]*)\"")]
    private static partial Regex FigureColumns();

    [GeneratedRegex("<rect class=\"(ref|cur)\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"([0-9.]+)\"/>")]
    private static partial Regex BarRect();

    [GeneratedRegex("<path class=\"ref-step\" d=\"([^\"]+)\"/>")]
    private static partial Regex StepPath();

    [GeneratedRegex("<svg [^>]*aria-labelledby=\"([a-z0-9-]+)-t [a-z0-9-]+-d\">")]
    private static partial Regex SvgOpening();

    [GeneratedRegex("<tr(?: class=\"drifted\")? data-name=\"([^\"]*)\">")]
    private static partial Regex RowNames();

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex CspContent();

    [GeneratedRegex("<script>(.*)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptText();

    [GeneratedRegex("<style>(.*)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleText();
}
