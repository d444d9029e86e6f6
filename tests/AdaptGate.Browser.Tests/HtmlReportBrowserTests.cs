using AdaptGate.Core.Checking;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Reports.Html;
using AdaptGate.Tests.Shared;
using PuppeteerSharp;

namespace AdaptGate.Browser.Tests;

/// <summary>
/// The HTML report of the car-loan sample's check, opened in headless Chromium with the network cut: it loads
/// nothing, logs no error, shows the verdict, draws a chart per drifted column, and its column table sorts and
/// filters. Screenshots (light and dark) go to screenshots/ under the test's output folder.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class HtmlReportBrowserTests(ChromiumFixture chromium)
{
    private static readonly Lazy<(CheckReport Report, string File)> CarLoan = new(() =>
    {
        var sample = RepoRoot.Combine("samples", "car-loan");
        var report = CheckRunner.Run(new CheckRequest
        {
            ReferencePath = Path.Combine(sample, "reference.csv"),
            CurrentPath = Path.Combine(sample, "current.csv"),
            PolicyPath = Path.Combine(sample, "adaptgate.json"),
            RecordHistory = false,
        });
        return (report, Write("car-loan.html", HtmlReportFormat.Write(report)));
    });

    private static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_car_loan_report_loads_nothing_logs_no_error_and_shows_the_verdict()
    {
        await using var page = await ReportPage.OpenAsync(chromium.Browser, CarLoan.Value.File);

        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.BlockedRequests);
        Assert.Empty(page.FailedRequests);
        Assert.Empty(page.Dialogs);
        Assert.Equal("retrain", await page.Page.EvaluateExpressionAsync<string>("document.getElementById('verdict').textContent"));
        Assert.Equal(
            ["metric-drop-diverged", "metric-drop"],
            await page.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#reasons tbody tr td:first-child')).map(td => td.textContent)"));
        await page.Page.ScreenshotAsync(Path.Combine(OutputFolder, "car-loan.png"), new ScreenshotOptions { FullPage = true });
    }

    [Fact]
    public async Task Each_drifted_column_has_one_chart_with_a_visible_drawing()
    {
        var report = CarLoan.Value.Report;
        await using var page = await ReportPage.OpenAsync(chromium.Browser, CarLoan.Value.File);

        var charts = await page.Page.EvaluateExpressionAsync<ChartBox[]>("""
            Array.from(document.querySelectorAll('#drifted figure.chart')).map(f => {
              const svg = f.querySelector('svg');
              const box = svg.getBoundingClientRect();
              const drawn = Array.from(svg.querySelectorAll('rect, path')).filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
              return { column: f.dataset.column, svgs: f.querySelectorAll('svg').length, width: box.width, height: box.height, drawn: drawn.length, label: svg.querySelector('title').textContent };
            })
            """);

        var drifted = DriftSeverity.Order(report.Drift.Columns).Where(c => c.Drifted).Select(c => c.Name).ToArray();
        Assert.Equal(4, drifted.Length);
        Assert.Equal(drifted, charts.Select(c => c.Column));
        Assert.All(charts, chart =>
        {
            Assert.Equal(1, chart.Svgs);
            Assert.True(chart.Width > 300 && chart.Height > 100, $"{chart.Column}: the chart is {chart.Width} x {chart.Height}");
            Assert.True(chart.Drawn >= 3, $"{chart.Column}: {chart.Drawn} bars or lines with a size");
            Assert.Equal($"{chart.Column}: reference and current distributions", chart.Label);
        });
        var figures = await page.Page.QuerySelectorAllAsync("#drifted figure.chart");
        for (var i = 0; i < figures.Length; i++)
        {
            await figures[i].ScreenshotAsync(Path.Combine(OutputFolder, $"drifted-{i + 1}.png"));
        }
    }

    [Fact]
    public async Task Clicking_a_header_sorts_the_column_table_and_the_filter_hides_rows()
    {
        await using var page = await ReportPage.OpenAsync(chromium.Browser, CarLoan.Value.File);
        const string Names = "Array.from(document.querySelectorAll('#column-table tbody tr')).filter(r => !r.hidden).map(r => r.dataset.name)";

        var initial = await page.Page.EvaluateExpressionAsync<string[]>(Names);
        Assert.Equal(["car_value", "loan_length", "repaid_loan_on_prev_car", "salary_range", "debt_to_income_ratio", "size_of_downpayment", "driver_tenure"], initial);

        await page.Page.ClickAsync("#column-table thead th:nth-child(1) button");
        Assert.Equal(["car_value", "debt_to_income_ratio", "driver_tenure", "loan_length", "repaid_loan_on_prev_car", "salary_range", "size_of_downpayment"], await page.Page.EvaluateExpressionAsync<string[]>(Names));
        Assert.Equal("ascending", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('#column-table thead th:nth-child(1)').getAttribute('aria-sort')"));

        // Score (the fourth header) is numeric: ascending first, then descending on the second click.
        await page.Page.ClickAsync("#column-table thead th:nth-child(4) button");
        Assert.Equal(["driver_tenure", "size_of_downpayment", "debt_to_income_ratio", "salary_range", "repaid_loan_on_prev_car", "loan_length", "car_value"], await page.Page.EvaluateExpressionAsync<string[]>(Names));
        await page.Page.ClickAsync("#column-table thead th:nth-child(4) button");
        Assert.Equal(["car_value", "loan_length", "repaid_loan_on_prev_car", "salary_range", "debt_to_income_ratio", "size_of_downpayment", "driver_tenure"], await page.Page.EvaluateExpressionAsync<string[]>(Names));

        await page.Page.TypeAsync("#column-filter", "LOAN");
        Assert.Equal(["loan_length", "repaid_loan_on_prev_car"], await page.Page.EvaluateExpressionAsync<string[]>(Names));
        Assert.Equal("2 of 7 columns shown", await page.Page.EvaluateExpressionAsync<string>("document.getElementById('columns-shown').textContent"));
        await page.Page.EvaluateExpressionAsync("document.getElementById('column-filter').value = ''; document.getElementById('column-filter').dispatchEvent(new Event('input'))");
        await page.Page.ClickAsync("#drifted-only");
        Assert.Equal(["car_value", "loan_length", "repaid_loan_on_prev_car", "salary_range"], await page.Page.EvaluateExpressionAsync<string[]>(Names));
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task A_stable_column_shows_its_chart_when_opened()
    {
        await using var page = await ReportPage.OpenAsync(chromium.Browser, CarLoan.Value.File);
        const string Visible = "document.querySelector('#stable details svg').checkVisibility()";
        const string Height = "document.querySelector('#stable details svg').getBoundingClientRect().height";

        Assert.False(await page.Page.EvaluateExpressionAsync<bool>(Visible));
        await page.Page.ClickAsync("#stable details summary");

        Assert.True(await page.Page.EvaluateExpressionAsync<bool>(Visible));
        Assert.True(await page.Page.EvaluateExpressionAsync<double>(Height) > 100);
    }

    [Fact]
    public async Task Dark_mode_draws_the_reference_in_the_light_blue_of_the_palette()
    {
        await using var page = await ReportPage.OpenAsync(chromium.Browser, CarLoan.Value.File, dark: true);
        const string Stroke = "getComputedStyle(document.querySelector('#drifted path.ref-step')).stroke";

        Assert.Equal("rgb(86, 180, 233)", await page.Page.EvaluateExpressionAsync<string>(Stroke));
        Assert.Equal("rgb(22, 22, 22)", await page.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.Page.ScreenshotAsync(Path.Combine(OutputFolder, "car-loan-dark.png"), new ScreenshotOptions { FullPage = true });
        await (await page.Page.QuerySelectorAsync("#drifted figure.chart:nth-of-type(4)")).ScreenshotAsync(Path.Combine(OutputFolder, "drifted-4-dark.png"));
    }

    [Fact]
    public async Task Hostile_names_stay_text_in_the_browser()
    {
        string[] names = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "&amp;"];
        var columns = names.Select(name => new ColumnDrift(
            name, "categorical", "jensenshannon", 0.4, null, null, 0.1, true, 1, new MissingRates(0, 0), null,
            new ColumnDistribution([name, "other"], [0.7, 0.3], [0.2, 0.8]))).ToArray();
        var report = CarLoan.Value.Report with
        {
            Drift = new DriftSection("auto", "none", 1, true, columns.Length, columns.Length, columns),
        };
        var file = Write("hostile.html", HtmlReportFormat.Write(report));

        await using var page = await ReportPage.OpenAsync(chromium.Browser, file);

        Assert.Empty(page.Dialogs);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.BlockedRequests);
        Assert.Equal(0, await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('img').length"));
        Assert.Equal(1, await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('script').length"));
        // Equally drifted columns come in name order.
        Assert.Equal(names.Order(StringComparer.Ordinal), await page.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#drifted figure')).map(f => f.dataset.column)"));
        Assert.Equal(names.Order(StringComparer.Ordinal), await page.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#drifted figcaption b')).map(b => b.textContent)"));
    }

    private static string Write(string name, string html)
    {
        Directory.CreateDirectory(OutputFolder);
        var path = Path.Combine(OutputFolder, name);
        File.WriteAllText(path, html);
        return path;
    }

    public sealed record ChartBox(string Column, int Svgs, double Width, double Height, int Drawn, string Label);
}
