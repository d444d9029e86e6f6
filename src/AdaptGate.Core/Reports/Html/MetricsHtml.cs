using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Reports.Html;

/// <summary>The metric table with every confidence interval, and the covariate / concept split when there is one.</summary>
internal static class MetricsHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder html, MetricsSection? metrics)
    {
        if (metrics is null)
        {
            return;
        }

        var optimistic = metrics.BaselineOptimistic ? ", optimistic" : string.Empty;
        html.Append("<section id=\"metrics\"><h2>Metrics</h2>");
        html.Append(Invariant,
            $"<p>Primary <b>{HtmlText.Escape(metrics.Primary)}</b>: {HtmlNumber.Of(metrics.Baseline)}{IntervalText.Of(metrics.BaselineLow, metrics.BaselineHigh)} → {HtmlNumber.Of(metrics.Current)}{IntervalText.Of(metrics.CurrentLow, metrics.CurrentHigh)}, {MetricDropText.Phrase(metrics)}{MetricDropText.Interval(metrics.Primary, metrics.Baseline, metrics.DropLow, metrics.DropHigh)} (source {HtmlText.Escape(metrics.Source)}; baseline {HtmlText.Escape(metrics.BaselineSource)}{optimistic}).</p>");
        if (IntervalText.Describe(metrics) is { Length: > 0 } intervals)
        {
            html.Append("<p class=\"muted\">").Append(HtmlText.Escape(intervals)).Append("</p>");
        }

        html.Append(Invariant, $"<div class=\"wide\"><table id=\"metric-table\"><thead><tr><th>Metric</th><th class=\"n\">Baseline</th><th class=\"n\">Current</th><th class=\"n\">{MetricDropText.Header}</th><th>Interval method</th></tr></thead><tbody>");
        foreach (var value in metrics.Values)
        {
            var drop = value.Drop is null ? "–" : MetricDropText.For(value.Name, value.Baseline, value.Drop) + MetricDropText.Interval(value.Name, value.Baseline, value.DropLow, value.DropHigh);
            html.Append(Invariant,
                $"<tr><td>{HtmlText.Escape(value.Name)}</td><td class=\"n\">{HtmlNumber.Of(value.Baseline)}{IntervalText.Of(value.BaselineLow, value.BaselineHigh)}</td><td class=\"n\">{HtmlNumber.Of(value.Current)}{IntervalText.Of(value.CurrentLow, value.CurrentHigh)}</td><td class=\"n\">{drop}</td><td>{HtmlText.Escape(value.IntervalMethod ?? "–")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        WriteDecomposition(html, metrics.Decomposition);
        html.Append("</section>");
    }

    private static string Calibration(MetricsDecomposition d) => d.Calibration is { } kind
        ? string.Create(Invariant, $", calibration {HtmlText.Escape(kind)}: error {HtmlNumber.Of(d.CalibrationErrorRaw ?? double.NaN)} raw, {HtmlNumber.Of(d.CalibrationErrorCalibrated ?? double.NaN)} calibrated")
        : string.Empty;

    private static string FitSample(MetricsDecomposition d) => d.SampleRows is { } sample
        ? string.Create(Invariant, $"; the {(d.Method == "dle" ? "loss model fitted" : "calibration chosen")} on a seeded sample of {sample:N0} reference rows")
        : string.Empty;

    private static void WriteDecomposition(StringBuilder html, MetricsDecomposition? d)
    {
        if (d is null)
        {
            return;
        }

        html.Append(Invariant,
            $"<h3>Covariate or concept</h3><p>If the model's relation between inputs and outcome still held, {HtmlText.Escape(d.Metric)} on the current rows would be <b>{HtmlNumber.Of(d.Expected)}</b>{IntervalText.Of(d.ExpectedInterval.Low, d.ExpectedInterval.High)} ({HtmlText.Escape(d.Method)}{Calibration(d)}; {d.ReferenceRows:N0} reference and {d.CurrentRows:N0} current rows{FitSample(d)}).</p>");
        html.Append("<table id=\"decomposition\"><thead><tr><th>Part of the drop (positive: worse)</th><th class=\"n\">Value</th><th class=\"n\">95% interval</th></tr></thead><tbody>");
        Part(html, "Covariate: the inputs changed (adapting recovers little of it)", d.Covariate);
        if (d.Concept is { } concept)
        {
            Part(html, "Concept: the relation changed (what adapting can recover)", concept);
        }
        else
        {
            html.Append("<tr><td>Concept</td><td class=\"n\">–</td><td class=\"n\">no current labels</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Part(StringBuilder html, string label, PartOfDrop part) =>
        html.Append(Invariant, $"<tr><td>{label}</td><td class=\"n\">{HtmlNumber.Of(part.Value)}</td><td class=\"n\">{IntervalText.Of(part.Low, part.High).Trim()}</td></tr>");
}
