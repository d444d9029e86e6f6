using System.Globalization;
using System.Text;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports.Html;

/// <summary>The verdict, every reason with its value, threshold and margin, the warnings, and every rule evaluated.</summary>
internal static class VerdictHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteHeader(StringBuilder html, CheckReport report)
    {
        var verdict = report.Verdict.Name();
        html.Append(Invariant, $"<header><h1>AdaptGate verdict: <span id=\"verdict\" class=\"verdict v-{verdict}\">{verdict}</span></h1>");
        html.Append(Invariant,
            $"<p class=\"muted\">Reference {HtmlText.Escape(report.Inputs.Reference)} ({report.Rows.Reference:N0} rows), current {HtmlText.Escape(report.Inputs.Current)} ({report.Rows.Current:N0} rows).</p></header>");
    }

    public static void WriteReasons(StringBuilder html, CheckReport report)
    {
        html.Append("<section id=\"reasons\"><h2>Why</h2><div class=\"wide\"><table><thead><tr><th>Rule</th><th>Verdict</th><th>Reason</th><th class=\"n\">Value</th><th class=\"n\">Threshold</th><th class=\"n\">Margin</th></tr></thead><tbody>");
        foreach (var reason in report.Reasons)
        {
            var (name, value, threshold, margin) = ReasonEvidence.Parts(reason, report.Metrics, report.Trial);
            html.Append(Invariant,
                $"<tr><td><b>{HtmlText.Escape(reason.Rule)}</b></td><td class=\"v-{reason.Verdict.Name()}\">{reason.Verdict.Name()}</td><td>{HtmlText.Escape(reason.Message)}</td><td class=\"n\" title=\"{name}\">{value}</td><td class=\"n\">{threshold}</td><td class=\"n\">{margin}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        html.Append("<p class=\"muted\">The margin is how far past its threshold the rule's value is, in the value's units: a small margin is a close call.</p>");
        if (report.Warnings.Count > 0)
        {
            html.Append("<h3>Warnings</h3><ul>");
            foreach (var warning in report.Warnings)
            {
                html.Append("<li>⚠ ").Append(HtmlText.Escape(warning)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    public static void WriteRules(StringBuilder html, IReadOnlyList<RuleEvaluation> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        html.Append(Invariant, $"<section id=\"rules\"><h2>Rules evaluated</h2><details><summary>{rules.Count} rules, {rules.Count(r => r.Fired)} fired</summary><div class=\"wide\"><table><thead><tr><th>Rule</th><th>Verdict</th><th>Fired</th><th class=\"n\">Value</th><th class=\"n\">Threshold</th><th class=\"n\">Margin</th><th>Detail</th></tr></thead><tbody>");
        foreach (var rule in rules)
        {
            html.Append(Invariant,
                $"<tr><td>{HtmlText.Escape(rule.Rule)}</td><td>{rule.Verdict.Name()}</td><td>{(rule.Fired ? "<span class=\"yes\">yes</span>" : "no")}</td><td class=\"n\">{HtmlNumber.Of(rule.Value)}</td><td class=\"n\">{HtmlNumber.Of(rule.Threshold)}</td><td class=\"n\">{HtmlNumber.Of(rule.Margin)}</td><td>{HtmlText.Escape(rule.Detail)}</td></tr>");
        }

        html.Append("</tbody></table></div></details></section>");
    }
}
