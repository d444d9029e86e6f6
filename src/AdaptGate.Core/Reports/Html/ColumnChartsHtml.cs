using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Reports.Html;

/// <summary>
/// A chart of both distributions for every drifted column, shown; the same for every other column behind a
/// &lt;details&gt;, so a wide report opens short. A column without a distribution (nothing to compare) says why.
/// </summary>
internal static class ColumnChartsHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The id of each column's chart, for the column table's links.</summary>
    public static IReadOnlyDictionary<ColumnDrift, string> Anchors(DriftSection drift)
    {
        var anchors = new Dictionary<ColumnDrift, string>(ReferenceEqualityComparer.Instance);
        var ordered = DriftSeverity.Order(drift.Columns);
        for (var i = 0; i < ordered.Count; i++)
        {
            anchors[ordered[i]] = "col-" + (i + 1).ToString(Invariant);
        }

        return anchors;
    }

    public static void Write(StringBuilder html, DriftSection drift, IReadOnlyDictionary<ColumnDrift, string> anchors)
    {
        var ordered = DriftSeverity.Order(drift.Columns);
        var drifted = ordered.Where(c => c.Drifted).ToArray();
        var others = ordered.Where(c => !c.Drifted).ToArray();
        if (drifted.Length > 0)
        {
            html.Append(Invariant, $"<section id=\"drifted\"><h2>Drifted columns ({drifted.Length})</h2>");
            foreach (var column in drifted)
            {
                WriteFigure(html, column, anchors[column], "chart drifted");
            }

            html.Append("</section>");
        }

        if (others.Length > 0)
        {
            html.Append(Invariant, $"<section id=\"stable\"><h2>Other columns ({others.Length})</h2><p class=\"muted\">Open a column to see its chart.</p>");
            foreach (var column in others)
            {
                html.Append(Invariant, $"<details><summary>{HtmlText.Escape(column.Name)}: {Measure(column)}</summary>");
                WriteFigure(html, column, anchors[column], "chart");
                html.Append("</details>");
            }

            html.Append("</section>");
        }
    }

    /// <summary>One column's figure: caption with the legend, chart, bin table.</summary>
    public static void WriteFigure(StringBuilder html, ColumnDrift column, string id, string cssClass)
    {
        var numeric = column.Kind == "numeric";
        html.Append(Invariant, $"<figure class=\"{cssClass}\" id=\"{id}\" data-column=\"{HtmlText.Escape(column.Name)}\"><figcaption><b>{HtmlText.Escape(column.Name)}</b> <span class=\"how\">({HtmlText.Escape(column.Kind)}) {Measure(column)}{(column.Drifted ? ": <span class=\"yes\">drifted</span>" : string.Empty)}</span>");
        if (column.Distribution is { } distribution)
        {
            html.Append(DistributionChart.Legend(numeric)).Append("</figcaption>");
            DistributionChart.Write(html, distribution, numeric, column.Name, id + "-svg");
            DistributionChart.WriteTable(html, distribution, numeric);
        }
        else
        {
            html.Append("</figcaption><p>").Append(HtmlText.Escape(column.Note ?? "No distribution: the column could not be compared.")).Append("</p>");
        }

        html.Append("</figure>");
    }

    private static string Measure(ColumnDrift column) => column.PValue is not null
        ? $"{HtmlText.Escape(column.Method)} p-value {HtmlNumber.PValue(column.AdjustedPValue)} (threshold {HtmlNumber.Of(column.Threshold)})"
        : $"{HtmlText.Escape(column.Method)} score {HtmlNumber.Of(column.Score)} (threshold {HtmlNumber.Of(column.Threshold)})";
}
