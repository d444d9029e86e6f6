using System.Text;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports.Html;

/// <summary>The trial: what it decided and each action's score on the scored rows, with its shortfall from the best.</summary>
internal static class TrialHtml
{
    public static void Write(StringBuilder html, TrialSection? trial)
    {
        if (trial is null)
        {
            return;
        }

        html.Append("<section id=\"trial\"><h2>Trial</h2><p>").Append(HtmlText.Escape(TrialText.Summary(trial))).Append("</p>");
        if (trial.Candidates.Count > 0)
        {
            html.Append("<div class=\"wide\"><table><thead><tr><th>Action</th><th class=\"n\">")
                .Append(HtmlText.Escape(trial.Primary))
                .Append("</th><th class=\"n\">Short of best</th></tr></thead><tbody>");
            foreach (var candidate in trial.Candidates)
            {
                html.Append("<tr><td>").Append(candidate.Action.Name()).Append("</td><td class=\"n\">")
                    .Append(HtmlText.Escape(TrialText.Metric(candidate))).Append("</td><td class=\"n\">")
                    .Append(HtmlText.Escape(TrialText.Shortfall(trial, candidate))).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("</section>");
    }
}
