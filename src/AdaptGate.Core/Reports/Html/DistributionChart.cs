using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Reports.Html;

/// <summary>
/// One column's two distributions as an inline SVG, drawn from the report's bin shares. Numbers: the current data's
/// share per bin as bars, the reference's as a step line over them, so neither hides the other (the bins are the
/// reference's deciles, so the line is flat at 10% and a bar above or below it is the drift). Categories: a pair of
/// bars per category, reference left. Bins are labelled b1, b2, … for numbers (their ranges are in the table under
/// the chart) and by the category, shortened, for categories; every bar's title has the full label and both shares.
/// </summary>
internal static class DistributionChart
{
    public const double Width = 640;
    public const double Height = 240;
    public const double Left = 52;
    public const double Right = 12;
    public const double Top = 14;
    public const double Bottom = 30;
    public const double PlotHeight = Height - Top - Bottom;
    private const double PlotWidth = Width - Left - Right;
    private const int MaxLabelLength = 12;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The share the top of the axis stands for: the highest bar rounded up to 5%, at least 5%.</summary>
    public static double AxisTop(ColumnDistribution distribution)
    {
        var highest = distribution.Reference.Concat(distribution.Current).DefaultIfEmpty(0).Max();
        return Math.Max(0.05, Math.Ceiling((highest * 20) - 1e-9) / 20);
    }

    /// <summary>A bar's height in the SVG's units for a share.</summary>
    public static double BarHeight(double share, double axisTop) => Math.Max(0, share) / axisTop * PlotHeight;

    /// <summary>The short label of bin <paramref name="index"/> on the axis.</summary>
    public static string AxisLabel(ColumnDistribution distribution, bool numeric, int index) =>
        numeric ? "b" + (index + 1).ToString(Invariant) : Shorten(distribution.Bins[index], distribution.Bins.Count > 8 ? 8 : MaxLabelLength);

    /// <summary>The chart; <paramref name="id"/> is unique in the page and names the title and description the SVG is labelled by.</summary>
    public static void Write(StringBuilder html, ColumnDistribution distribution, bool numeric, string columnName, string id)
    {
        var top = AxisTop(distribution);
        var n = distribution.Bins.Count;
        var band = PlotWidth / Math.Max(1, n);
        var what = numeric
            ? "bars: current share of rows per bin of the reference's deciles; line: reference share"
            : "pairs of bars per category: reference (left, blue), current (right, orange)";
        html.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        html.Append(Invariant, $"<title id=\"{id}-t\">{HtmlText.Escape(columnName)}: reference and current distributions</title>");
        html.Append(Invariant, $"<desc id=\"{id}-d\">{what}. {HtmlText.Escape(Summary(distribution))}</desc>");

        foreach (var tick in new[] { 0, top / 2, top })
        {
            var y = Coordinate(Top + PlotHeight - BarHeight(tick, top));
            html.Append(Invariant, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            html.Append(Invariant, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{HtmlNumber.Percent(tick)}</text>");
        }

        for (var i = 0; i < n; i++)
        {
            var x = Left + (i * band);
            var tip = $"{HtmlText.Escape(Label(distribution, numeric, i))}: reference {HtmlNumber.Percent(distribution.Reference[i])}, current {HtmlNumber.Percent(distribution.Current[i])}";
            html.Append("<g><title>").Append(tip).Append("</title>");
            if (numeric)
            {
                Bar(html, "cur", x + (band * 0.1), band * 0.8, distribution.Current[i], top);
            }
            else
            {
                Bar(html, "ref", x + (band * 0.08), band * 0.42, distribution.Reference[i], top);
                Bar(html, "cur", x + (band * 0.5), band * 0.42, distribution.Current[i], top);
            }

            html.Append("</g>");
            html.Append(Invariant, $"<text x=\"{Coordinate(x + (band / 2))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{HtmlText.Escape(AxisLabel(distribution, numeric, i))}</text>");
        }

        if (numeric && n > 0)
        {
            html.Append("<path class=\"ref-step\" d=\"").Append(Step(distribution.Reference, band, top)).Append("\"/>");
        }

        html.Append(Invariant, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + PlotHeight}\" y2=\"{Top + PlotHeight}\"/>");
        html.Append("</svg>");
    }

    /// <summary>The legend line above a chart, in words and swatches.</summary>
    public static string Legend(bool numeric) => numeric
        ? "<span class=\"legend\"><span class=\"key ref-line\"></span>reference (line) <span class=\"key cur-bar\"></span>current (bars); share of non-missing rows per bin</span>"
        : "<span class=\"legend\"><span class=\"key ref-bar\"></span>reference (left bar) <span class=\"key cur-bar\"></span>current (right bar); share of non-missing rows</span>";

    /// <summary>The bins' full labels and both shares, under the chart.</summary>
    public static void WriteTable(StringBuilder html, ColumnDistribution distribution, bool numeric)
    {
        html.Append(numeric
            ? "<table class=\"bins\"><thead><tr><th>Bin</th><th>Range</th><th class=\"n\">Reference</th><th class=\"n\">Current</th></tr></thead><tbody>"
            : "<table class=\"bins\"><thead><tr><th>Category</th><th class=\"n\">Reference</th><th class=\"n\">Current</th></tr></thead><tbody>");
        for (var i = 0; i < distribution.Bins.Count; i++)
        {
            html.Append("<tr>");
            if (numeric)
            {
                html.Append(Invariant, $"<td>b{i + 1}</td>");
            }

            html.Append(Invariant,
                $"<td>{HtmlText.Escape(distribution.Bins[i])}</td><td class=\"n\">{HtmlNumber.Percent(distribution.Reference[i])}</td><td class=\"n\">{HtmlNumber.Percent(distribution.Current[i])}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Bar(StringBuilder html, string kind, double x, double width, double share, double top)
    {
        var height = BarHeight(share, top);
        html.Append(Invariant,
            $"<rect class=\"{kind}\" x=\"{Coordinate(x)}\" y=\"{Coordinate(Top + PlotHeight - height)}\" width=\"{Coordinate(width)}\" height=\"{Coordinate(height)}\"/>");
    }

    /// <summary>The reference as a step line: level across each bin, vertical at the bin edges.</summary>
    private static string Step(IReadOnlyList<double> shares, double band, double top)
    {
        var d = new StringBuilder();
        for (var i = 0; i < shares.Count; i++)
        {
            var y = Coordinate(Top + PlotHeight - BarHeight(shares[i], top));
            d.Append(i == 0 ? $"M{Coordinate(Left)} {y}" : $"V{y}").Append(Invariant, $"H{Coordinate(Left + ((i + 1) * band))}");
        }

        return d.ToString();
    }

    private static string Label(ColumnDistribution distribution, bool numeric, int index) =>
        numeric ? $"b{index + 1} ({distribution.Bins[index]})" : distribution.Bins[index];

    private static string Summary(ColumnDistribution distribution)
    {
        var parts = distribution.Bins.Select((bin, i) =>
            $"{bin}: {HtmlNumber.Percent(distribution.Reference[i])} to {HtmlNumber.Percent(distribution.Current[i])}");
        return "Reference to current share per bin: " + string.Join("; ", parts) + ".";
    }

    private static string Shorten(string text, int max)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max - 1) + "…";
    }

    private static string Coordinate(double value) => HtmlNumber.Coordinate(value);
}
