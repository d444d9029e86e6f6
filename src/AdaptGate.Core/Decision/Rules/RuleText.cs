using System.Globalization;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>The wording the rules share, so every reason states a change, an interval or a list of names the same way.</summary>
internal static class RuleText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"auc went from 0.9 to 0.86 (drop 0.04, 95% interval [0.02, 0.06] on 1,000 baseline and 1,000 current rows)".</summary>
    public static string Change(MetricsSection metrics)
    {
        var relative = metrics.DropKind == "relative";
        var interval = metrics.DropLow is { } low && metrics.DropHigh is { } high
            ? $", {Level(metrics)} interval [{IntervalEnd(low, relative)}, {IntervalEnd(high, relative)}]{RowsText(metrics)}"
            : string.Empty;
        var estimated = metrics.Source == "estimated" ? "estimated without current labels, " : string.Empty;
        return $"{metrics.Primary} went from {Number(metrics.Baseline)} to {Number(metrics.Current)} ({estimated}{MetricDropText.Phrase(metrics)}{interval})";
    }

    /// <summary>Why a material drop does not decide, in the words of the policy's credibility rule.</summary>
    public static string Noise(MetricsSection metrics, double threshold, MetricCredibility credibility) =>
        credibility == MetricCredibility.LowerBoundPastThreshold && metrics.DropLow is { } low && low > 0
            ? $"its interval's lower end {Drop(low, metrics.DropKind == "relative")} is short of {Drop(threshold, metrics.DropKind == "relative")}: a close call"
            : "within noise (its interval reaches 0)";

    public static string Level(MetricsSection metrics) => (metrics.Uncertainty?.Level ?? 0.95).ToString("0.##%", Invariant);

    public static string Interval(double? low, double? high, bool relative) =>
        low is { } l && high is { } h ? $" [{IntervalEnd(l, relative)}, {IntervalEnd(h, relative)}]" : string.Empty;

    public static string Drop(double drop, bool relative) => MetricDropText.Threshold(drop, relative);

    public static string DriftedNames(DriftSection drift) => Names(drift.Columns.Where(c => c.Drifted).Select(c => c.Name).ToArray());

    public static string Names(IReadOnlyList<string> names)
    {
        const int shown = 5;
        var text = string.Join(", ", names.Take(shown).Select(n => $"'{n}'"));
        return names.Count > shown ? $"{text} and {names.Count - shown} more" : text;
    }

    /// <summary>"two-proportion z-test p 0.0001 on 3,000 and 3,000 rows, positive rate 58% → 70%: change 0.12, material at 0.05".</summary>
    public static string LabelTest(ShareChangeTest test)
    {
        var rates = test.ReferenceRate is { } r && test.CurrentRate is { } c ? $", rate of '{test.PositiveClass}' {Percent(r)} → {Percent(c)}" : string.Empty;
        var significance = test.Significant ? $"significant at {Number(test.Alpha)}" : $"not significant at {Number(test.Alpha)}";
        var materiality = test.Material ? $"material at {Number(test.MinChange)}" : $"below the material {Number(test.MinChange)}";
        return $"{test.Name} p {PValue(test.PValue)} on {test.ReferenceRows.ToString("N0", Invariant)} and {test.CurrentRows.ToString("N0", Invariant)} rows{rates}: {significance}, change {Number(test.Change)} {materiality}";
    }

    /// <summary>A measured value in a reason: four decimals at most.</summary>
    public static string Number(double value) => value.ToString("0.####", Invariant);

    /// <summary>A policy's setting in an explanation: every digit it was given.</summary>
    public static string Setting(double value) => value.ToString(Invariant);

    public static string Percent(double share) => share.ToString("0.#%", Invariant);

    public static string Rows(int rows) => rows.ToString("N0", Invariant);

    public static string Count(int n, string noun) => $"{n.ToString(Invariant)} {noun}{(n == 1 ? string.Empty : "s")}";

    /// <summary>"the primary metric (auc)" for explanations.</summary>
    public static string Primary(GatePolicy policy) =>
        policy.Metrics.Primary is { } name ? $"the primary metric ({name})" : "the primary metric (the task's default: auc, micro-accuracy or rmse)";

    /// <summary>How the policy's credibility rule lets a metric change decide, for explanations.</summary>
    public static string Credibility(MetricCredibility credibility) => credibility switch
    {
        MetricCredibility.Point => "it decides on the point value alone (metrics.credibility point)",
        MetricCredibility.LowerBoundPastThreshold => "it decides only when the drop's confidence interval lies at or past the threshold (metrics.credibility lower-bound-past-threshold), else the drop is a close call",
        _ => "it decides only when the drop's confidence interval lies above zero, and a floor only when the whole interval is past it (metrics.credibility interval), else the change is within noise",
    };

    public static string Floors(MetricsPolicy metrics) =>
        metrics.Floors.Count == 0
            ? "none set"
            : string.Join(", ", metrics.Floors.Select(f => $"{f.Key} {(Core.Metrics.MetricDirection.HigherIsBetter(f.Key) ? ">=" : "<=")} {Setting(f.Value)}"));

    private static string RowsText(MetricsSection metrics) => (metrics.BaselineRows, metrics.CurrentRows) switch
    {
        ({ } b, { } c) => $" on {Rows(b)} baseline and {Rows(c)} current rows",
        (null, { } c) => $" on {Rows(c)} current rows",
        _ => string.Empty,
    };

    private static string IntervalEnd(double value, bool relative) => relative ? MetricDropText.Format(value, relative: true) : IntervalText.End(value);

    private static string PValue(double p) => p < 0.0001 ? p.ToString("0.##e+0", Invariant) : Number(p);
}
