using System.Globalization;

namespace AdaptGate.Core.Reports.Html;

/// <summary>Culture-free numbers for the HTML report: as the Markdown report shows them, and exactly for sorting.</summary>
internal static class HtmlNumber
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Of(double? value) => value is { } v ? ReasonEvidence.Number(v) : "–";

    public static string PValue(double? p) => p switch
    {
        null => "–",
        > 0 and < 1e-4 => p.Value.ToString("0.00E+00", Invariant),
        _ => p.Value.ToString("0.0000", Invariant),
    };

    public static string Percent(double value) => value.ToString("0.#%", Invariant);

    /// <summary>An SVG coordinate or length: two decimals are finer than a pixel.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    /// <summary>A table cell's sort key (data-v): the exact number, or empty (sorted last) when there is none.</summary>
    public static string SortKey(double? value) => value switch
    {
        null => string.Empty,
        double.PositiveInfinity => "Infinity",
        var v when double.IsNaN(v.Value) => string.Empty,
        var v => v.Value.ToString("R", Invariant),
    };
}
