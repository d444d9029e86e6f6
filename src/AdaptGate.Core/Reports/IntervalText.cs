using System.Globalization;

namespace AdaptGate.Core.Reports;

/// <summary>How every report format writes a confidence interval: " [0.951, 0.965]" after the value it belongs to.</summary>
public static class IntervalText
{
    /// <summary>The interval with a leading space, or "" when there is none.</summary>
    public static string Of(double? low, double? high) =>
        low is { } l && high is { } h ? $" [{End(l)}, {End(h)}]" : string.Empty;

    /// <summary>Three decimals for values on a metric's usual scale (0.010, not 0.01), fewer digits never than needed above 10.</summary>
    public static string End(double value) => value.ToString(Math.Abs(value) < 10 ? "0.000" : "0.###", CultureInfo.InvariantCulture);

    /// <summary>"95% intervals (delong), 5,000 baseline and 5,000 current rows", or the note saying why there are none.</summary>
    public static string Describe(MetricsSection metrics)
    {
        if (metrics.Uncertainty is not { } u)
        {
            return string.Empty;
        }

        var rows = (metrics.BaselineRows, metrics.CurrentRows) switch
        {
            ({ } b, { } c) => string.Create(CultureInfo.InvariantCulture, $" on {b:N0} baseline and {c:N0} current rows"),
            (null, { } c) => string.Create(CultureInfo.InvariantCulture, $" on {c:N0} current rows"),
            _ => string.Empty,
        };
        var how = u.PrimaryMethod is { } method
            ? string.Create(CultureInfo.InvariantCulture, $"{u.Level:0.##%} intervals ({Method(method)}, others {u.Resamples:N0} bootstrap resamples, seed {u.Seed}){rows}.")
            : string.Empty;
        return string.Join(" ", new[] { how, u.Note ?? string.Empty }.Where(s => s.Length > 0));
    }

    private static string Method(string method) => method switch
    {
        "delong" => "DeLong for auc",
        "delong+bootstrap" => "DeLong for the baseline auc, bootstrap for the estimated one",
        _ => "bootstrap",
    };
}
