using System.Globalization;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Reports;

/// <summary>
/// A metric's drop said one way, with its unit, in every output (reasons, text, Markdown, the pull-request comment,
/// MSBuild messages through the reasons): scores drop absolutely, in the metric's own units ("+0.0177"); errors and
/// losses relatively, as a share of the baseline ("+6.9%"). The sign says the direction: + is worse. The JSON report
/// keeps the plain number, with <c>metrics.dropKind</c> for the primary metric.
/// </summary>
public static class MetricDropText
{
    /// <summary>The header of a metric table's drop column: each cell carries its unit too.</summary>
    public const string Header = "Drop (abs / rel %)";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The drop of metric <paramref name="name"/> (<see cref="MetricDrop.Compute"/>) from <paramref name="baseline"/>.</summary>
    public static string For(string name, double? baseline, double? drop) =>
        drop is not { } d ? "-" : Format(d, IsRelative(name, baseline));

    /// <summary>A drop already known to be relative (a share of the baseline) or absolute.</summary>
    public static string Format(double drop, bool relative)
    {
        if (relative)
        {
            return drop.ToString("+0.0%;-0.0%;0%", Invariant);
        }

        return drop != 0 && Math.Abs(drop) < 1e-4
            ? drop.ToString("+0.###E+0;-0.###E+0", Invariant)
            : drop.ToString("+0.####;-0.####;0", Invariant);
    }

    /// <summary>"absolute drop +0.0177" or "relative drop +6.9%", for the primary metric.</summary>
    public static string Phrase(MetricsSection metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var relative = IsRelative(metrics.Primary, metrics.Baseline);
        return $"{(relative ? "relative" : "absolute")} drop {Format(metrics.Drop, relative)}";
    }

    /// <summary>A drop's interval in the drop's own units (" [+1.1%, +2.5%]" or " [0.011, 0.025]"), or "" when there is none.</summary>
    public static string Interval(string name, double? baseline, double? low, double? high) =>
        Interval(low, high, IsRelative(name, baseline));

    /// <summary>An interval already known to be of a relative or an absolute quantity, in its units.</summary>
    public static string Interval(double? low, double? high, bool relative)
    {
        if (low is not { } l || high is not { } h)
        {
            return string.Empty;
        }

        return relative ? $" [{Format(l, relative: true)}, {Format(h, relative: true)}]" : IntervalText.Of(l, h);
    }

    /// <summary>A threshold in the same units, without a sign: "0.015" or "10%".</summary>
    public static string Threshold(double threshold, bool relative) =>
        relative ? threshold.ToString("0.#%", Invariant) : threshold.ToString("0.####", Invariant);

    /// <summary>
    /// Relative for errors and losses, except from a baseline of exactly 0, where <see cref="MetricDrop.Compute"/>
    /// falls back to the absolute increase; a metric whose direction AdaptGate does not know has no drop at all.
    /// </summary>
    public static bool IsRelative(string name, double? baseline) =>
        MetricDirection.TryHigherIsBetter(name, out var higher) && !higher && baseline != 0;
}
