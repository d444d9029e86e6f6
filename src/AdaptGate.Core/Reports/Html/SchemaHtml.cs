using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Reports.Html;

/// <summary>How the files' columns line up: columns on one side only, kinds that changed, unseen categories, missing values, columns left out.</summary>
internal static class SchemaHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder html, SchemaSection schema)
    {
        var lists = new (string Label, string[] Items)[]
        {
            ("Only in reference", schema.OnlyInReference.Select(HtmlText.Escape).ToArray()),
            ("Only in current", schema.OnlyInCurrent.Select(HtmlText.Escape).ToArray()),
            ("Kind changed", schema.KindMismatches.Select(k => $"{HtmlText.Escape(k.Name)}: {HtmlText.Escape(k.Reference)} → {HtmlText.Escape(k.Current)}").ToArray()),
            ("Unseen categories", schema.UnseenCategories.Select(u => string.Create(Invariant,
                $"{HtmlText.Escape(u.Name)}: {u.Count} new on {u.Rows:N0} rows, e.g. {string.Join(", ", u.Examples.Select(e => "'" + HtmlText.Escape(e) + "'"))}")).ToArray()),
            // Every column has a missing rate; only a change is news.
            ("Missing values changed", schema.Missing.Where(m => m.Change != 0).Select(m => $"{HtmlText.Escape(m.Name)}: {HtmlNumber.Percent(m.Reference)} → {HtmlNumber.Percent(m.Current)}").ToArray()),
            ("Not compared", schema.Excluded.Select(e => $"{HtmlText.Escape(e.Name)}: {HtmlText.Escape(e.Reason)}").ToArray()),
        };

        html.Append("<section id=\"schema\"><h2>Schema</h2>");
        if (lists.All(l => l.Items.Length == 0))
        {
            html.Append("<p>Both files have the same columns of the same kinds.</p></section>");
            return;
        }

        foreach (var (label, items) in lists.Where(l => l.Items.Length > 0))
        {
            html.Append(Invariant, $"<h3>{label} ({items.Length})</h3><ul>");
            foreach (var item in items)
            {
                html.Append("<li>").Append(item).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }
}
