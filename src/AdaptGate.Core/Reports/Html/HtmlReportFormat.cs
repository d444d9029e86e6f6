using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports.Html;

/// <summary>
/// The report as one self-contained HTML page: inline style, inline SVG charts and one small inline script, nothing
/// fetched. A Content-Security-Policy allows only that style and that script (by their hashes) and no request at all,
/// so even text that slipped past <see cref="HtmlText"/> could neither run nor load anything. Sections: the verdict
/// and every reason with its margin, the metrics with their intervals, target drift, the sortable column table, the
/// drifted columns' charts, the other columns' charts on demand, the schema, every rule evaluated. docs/reports.md.
/// </summary>
public static class HtmlReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string Policy =
        $"default-src 'none'; style-src '{Hash(HtmlStyle.Css)}'; script-src '{Hash(HtmlScript.Js)}'; img-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Write(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(Invariant, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">");
        html.Append(Invariant, $"<title>AdaptGate: {report.Verdict.Name()} ({HtmlText.Escape(Path.GetFileName(report.Inputs.Current))})</title>");
        html.Append("<style>").Append(HtmlStyle.Css).Append("</style></head>\n<body>");

        VerdictHtml.WriteHeader(html, report);
        html.Append("<main>");
        VerdictHtml.WriteReasons(html, report);
        MetricsHtml.Write(html, report.Metrics);
        TrialHtml.Write(html, report.Trial);
        TargetHtml.Write(html, report.Target);
        TargetHtml.WriteDomain(html, report.DomainClassifier);
        TargetHtml.WriteHistory(html, report.History);
        var anchors = ColumnChartsHtml.Anchors(report.Drift);
        ColumnTableHtml.Write(html, report, anchors);
        ColumnChartsHtml.Write(html, report.Drift, anchors);
        SchemaHtml.Write(html, report.Schema);
        VerdictHtml.WriteRules(html, report.Rules);
        html.Append("</main>\n");
        html.Append(Invariant, $"<footer>AdaptGate {HtmlText.Escape(report.Version)}. The JSON report (--json) has every number of this page; docs/report-format.md describes it.</footer>\n");
        html.Append("<script>").Append(HtmlScript.Js).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>A CSP source for an inline element: the SHA-256 of its exact text.</summary>
    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
