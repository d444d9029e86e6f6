using System.Globalization;
using System.Text;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports.Html;

/// <summary>Drift of the label and of the model's outputs, each with its chart on demand; the domain classifier; the history streak.</summary>
internal static class TargetHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder html, TargetSection target)
    {
        var rows = target.Compared().ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        html.Append("<section id=\"target\"><h2>Target and prediction drift</h2><div class=\"wide\"><table><thead><tr><th>Role</th><th>Column</th><th>Method</th><th class=\"n\">Score</th><th class=\"n\">p-value</th><th class=\"n\">Threshold</th><th>Drifted</th></tr></thead><tbody>");
        foreach (var (role, _, column) in rows)
        {
            html.Append(Invariant,
                $"<tr><td>{role}</td><td>{HtmlText.Escape(column.Name)}</td><td>{HtmlText.Escape(column.Method)}</td><td class=\"n\">{HtmlNumber.Of(column.Score)}</td><td class=\"n\">{HtmlNumber.PValue(column.AdjustedPValue)}</td><td class=\"n\">{HtmlNumber.Of(column.Threshold)}</td><td>{(column.Drifted ? "<span class=\"yes\">yes</span>" : "no")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        foreach (var (role, id, column) in rows)
        {
            if (column.Test is { } test)
            {
                html.Append(Invariant, $"<p>{role} '{HtmlText.Escape(column.Name)}': {HtmlText.Escape(DecisionEngine.LabelTestText(test))}.</p>");
            }

            html.Append(Invariant, $"<details><summary>{role} '{HtmlText.Escape(column.Name)}': chart</summary>");
            ColumnChartsHtml.WriteFigure(html, column, id, "chart target");
            html.Append("</details>");
        }

        html.Append("</section>");
    }

    public static void WriteDomain(StringBuilder html, DomainSection? domain)
    {
        if (domain is null)
        {
            return;
        }

        var top = string.Join(", ", domain.TopColumns.Select(c => $"{HtmlText.Escape(c.Name)} ({HtmlNumber.Of(c.Importance)})"));
        html.Append(Invariant,
            $"<section id=\"domain\"><h2>Domain classifier</h2><p>AUC <b>{HtmlNumber.Of(domain.Auc)}</b> ({domain.Folds}-fold, {domain.ReferenceRows:N0} + {domain.CurrentRows:N0} rows; 0.5: same distribution, 1: fully separable). Most separating: {(top.Length > 0 ? top : "none")}.</p></section>");
    }

    public static void WriteHistory(StringBuilder html, HistorySection? history)
    {
        if (history is null)
        {
            return;
        }

        var from = history.CountedFrom == "actions" ? "recorded actions" : "check verdicts";
        html.Append(Invariant,
            $"<section id=\"history\"><h2>History</h2><p>{history.FineTunesSinceLastRetrain} fine-tune{(history.FineTunesSinceLastRetrain == 1 ? string.Empty : "s")} since the last retrain, counted from {from} in {HtmlText.Escape(history.Path)}{(history.Gate is { } gate ? $" (gate {HtmlText.Escape(gate)})" : string.Empty)}; this check {(history.Recorded ? "was" : "was not")} recorded.</p></section>");
    }
}
