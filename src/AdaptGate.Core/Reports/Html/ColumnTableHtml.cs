using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Reports.Html;

/// <summary>
/// Every compared column in one table, most drifted first, with a sort button in each header and a filter above
/// (the page's script). Each cell carries its exact sort key in data-v; a column's name links to its chart.
/// </summary>
internal static class ColumnTableHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The table; <paramref name="anchors"/> has each column's chart id.</summary>
    public static void Write(StringBuilder html, CheckReport report, IReadOnlyDictionary<ColumnDrift, string> anchors)
    {
        var drift = report.Drift;
        html.Append("<section id=\"columns\"><h2>Drift by column</h2>");
        html.Append(Invariant,
            $"<p><b>{drift.DriftedColumns}</b> of {drift.ComparedColumns} feature columns drifted, share {HtmlNumber.Of(drift.Share)} (method {HtmlText.Escape(drift.Method)}, correction {HtmlText.Escape(drift.Correction)}). Severity is how far past its threshold a column is: above 1 drifted.</p>");
        if (drift.Columns.Count == 0)
        {
            html.Append("<p>No feature columns were compared.</p></section>");
            return;
        }

        html.Append("<div class=\"filters\"><label>Filter by name <input id=\"column-filter\" type=\"search\" autocomplete=\"off\"></label><label><input id=\"drifted-only\" type=\"checkbox\"> drifted only</label><output id=\"columns-shown\" aria-live=\"polite\"></output></div>");
        var pHeader = drift.Correction == "none" ? "p-value" : $"p ({HtmlText.Escape(drift.Correction)})";
        html.Append("<div class=\"wide\"><table id=\"column-table\"><thead><tr>");
        foreach (var (header, number) in new[]
        {
            ("Column", false), ("Kind", false), ("Method", false), ("Score", true), (pHeader, true), ("Threshold", true),
            ("Severity", true), ("Drifted", false), ("PSI", true), ("Missing ref → cur", true), ("Note", false),
        })
        {
            html.Append(Invariant, $"<th{(number ? " class=\"n\" data-type=\"number\"" : string.Empty)}><button type=\"button\">{header}</button></th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var column in DriftSeverity.Order(drift.Columns))
        {
            var name = HtmlText.Escape(column.Name);
            var severity = DriftSeverity.Of(column);
            var link = anchors.TryGetValue(column, out var anchor) ? $"<a href=\"#{anchor}\">{name}</a>" : name;
            html.Append(Invariant, $"<tr{(column.Drifted ? " class=\"drifted\"" : string.Empty)} data-name=\"{name}\">");
            html.Append(Invariant, $"<td data-v=\"{name}\">{link}</td>");
            Text(html, column.Kind);
            Text(html, column.Method);
            Number(html, column.Score, HtmlNumber.Of(column.Score));
            Number(html, column.AdjustedPValue, HtmlNumber.PValue(column.AdjustedPValue));
            Number(html, column.Threshold, HtmlNumber.Of(column.Threshold));
            Number(html, severity, double.IsPositiveInfinity(severity) ? "∞" : severity.ToString("0.##", Invariant));
            html.Append(Invariant, $"<td data-v=\"{(column.Drifted ? "yes" : "no")}\">{(column.Drifted ? "<span class=\"yes\">yes</span>" : "no")}</td>");
            Number(html, column.Psi, HtmlNumber.Of(column.Psi));
            Number(html, column.Missing.Current - column.Missing.Reference, $"{HtmlNumber.Percent(column.Missing.Reference)} → {HtmlNumber.Percent(column.Missing.Current)}");
            Text(html, column.Note ?? string.Empty);
            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static void Text(StringBuilder html, string text)
    {
        var escaped = HtmlText.Escape(text);
        html.Append(Invariant, $"<td data-v=\"{escaped}\">{escaped}</td>");
    }

    private static void Number(StringBuilder html, double? value, string shown) =>
        html.Append(Invariant, $"<td class=\"n\" data-v=\"{HtmlNumber.SortKey(value)}\">{shown}</td>");
}
