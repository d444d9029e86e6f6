using System.Globalization;

namespace AdaptGate.Core.Reports;

/// <summary>
/// The evidence a fired rule shows beside its message in every human-readable output: its value, threshold and
/// margin; those of the primary metric's drop in the drop's unit, as the message says it ("+0.0177", "+6.9%"); the
/// trial's shortfall in the same units as its minimum gain.
/// </summary>
public static class ReasonEvidence
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"value 0.5714, threshold 0.5, margin 0.0714" or "drop +0.0177, threshold 0.015, margin +0.0027".</summary>
    public static string Of(VerdictReason reason, MetricsSection? metrics, TrialSection? trial = null)
    {
        var parts = Parts(reason, metrics, trial);
        return $"{parts.Name} {parts.Value}, threshold {parts.Threshold}, margin {parts.Margin}";
    }

    /// <summary>The three numbers as text, and what the value is ("value" or "drop").</summary>
    public static (string Name, string Value, string Threshold, string Margin) Parts(VerdictReason reason, MetricsSection? metrics, TrialSection? trial = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Rule == "trial" && trial is not null)
        {
            var relative = trial.MinGainKind == "relative";
            return ("shortfall", MetricDropText.Format(reason.Value, relative), MetricDropText.Threshold(reason.Threshold, relative), MetricDropText.Format(reason.Margin, relative));
        }

        if (metrics is not null && reason.Value == metrics.Drop && reason.Rule is "metric-drop" or "metric-collapse"
            && reason.Message.StartsWith(metrics.Primary + " went from", StringComparison.Ordinal))
        {
            var relative = MetricDropText.IsRelative(metrics.Primary, metrics.Baseline);
            return ("drop", MetricDropText.Format(reason.Value, relative), MetricDropText.Threshold(reason.Threshold, relative), MetricDropText.Format(reason.Margin, relative));
        }

        return ("value", Number(reason.Value), Number(reason.Threshold), Number(reason.Margin));
    }

    /// <summary>Four decimals, but a tiny non-zero value keeps its digits rather than reading as 0.</summary>
    public static string Number(double value) =>
        value != 0 && Math.Abs(value) < 1e-4 ? value.ToString("0.###E+0", Invariant) : value.ToString("0.####", Invariant);
}
