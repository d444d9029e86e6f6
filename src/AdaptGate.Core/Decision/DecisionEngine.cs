using System.Globalization;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision;

/// <summary>
/// The decision rules, all in one place and in the order `adaptgate explain` lists them.
/// Performance is what matters, so with metrics the metric rules decide and drift only explains;
/// without metrics, drift is the proxy. The strongest verdict of the rules that fired wins
/// (retrain > fine-tune > skip); then fine-tune-streak and too-little-data may turn a fine-tune
/// into a retrain or a skip (fine-tunes pile up; few rows overfit: see shared/seed).
/// </summary>
public static class DecisionEngine
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DecisionOutcome Decide(DecisionInputs inputs, GatePolicy policy)
    {
        var rules = policy.Rules;
        var evaluations = new List<RuleEvaluation>();
        var fired = new List<VerdictReason>();
        var warnings = new List<string>();

        void Evaluate(string rule, Verdict verdict, bool fires, double value, double threshold, double margin, string message)
        {
            evaluations.Add(new RuleEvaluation(rule, verdict, fires, value, threshold, margin, message));
            if (fires)
            {
                fired.Add(new VerdictReason(rule, verdict, message, value, threshold, margin));
            }
        }

        if (rules.SchemaChange.Enabled)
        {
            var changes = inputs.LostFeatures.Count + inputs.ChangedKinds.Count;
            Evaluate("schema-change", Verdict.Retrain, changes >= 1, changes, 1, changes - 1, SchemaMessage(inputs));
        }

        if (inputs.Metrics is { } metrics)
        {
            EvaluateMetricRules(inputs, metrics, policy, Evaluate, warnings);
        }
        else
        {
            EvaluateDriftRules(inputs, rules, Evaluate);
        }

        var verdict = fired.Count == 0 ? Verdict.Skip : fired.Max(r => r.Verdict);
        var decisive = new List<VerdictReason>();

        if (verdict == Verdict.FineTune && rules.FineTuneStreak.Enabled)
        {
            var streak = inputs.FineTunesSinceLastRetrain;
            var limit = rules.FineTuneStreak.MaxFineTunes;
            var message = $"{streak} fine-tunes since the last retrain (limit {limit}): fine-tunes pile up error, so this one becomes a retrain";
            evaluations.Add(new RuleEvaluation("fine-tune-streak", Verdict.Retrain, streak >= limit, streak, limit, streak - limit,
                streak >= limit ? message : $"{streak} fine-tunes since the last retrain, below the limit of {limit}"));
            if (streak >= limit)
            {
                verdict = Verdict.Retrain;
                decisive.Add(new VerdictReason("fine-tune-streak", Verdict.Retrain, message, streak, limit, streak - limit));
            }
        }

        if (verdict == Verdict.FineTune && rules.TooLittleData.Enabled)
        {
            var rows = inputs.CurrentRows;
            var minimum = rules.TooLittleData.MinRows;
            var what = inputs.Metrics is { CurrentRows: not null } ? "labeled rows" : "rows";
            var fires = rows < minimum;
            var message = fires
                ? $"only {rows.ToString("N0", Invariant)} current {what}, fewer than {minimum.ToString("N0", Invariant)}: fine-tuning on so few rows risks overfitting, so the verdict is skip until more data arrives"
                : $"{rows.ToString("N0", Invariant)} current {what}, at least {minimum.ToString("N0", Invariant)}: enough to fine-tune on";
            evaluations.Add(new RuleEvaluation("too-little-data", Verdict.Skip, fires, rows, minimum, minimum - rows, message));
            if (fires)
            {
                verdict = Verdict.Skip;
                decisive.Add(new VerdictReason("too-little-data", Verdict.Skip, message, rows, minimum, minimum - rows));
                warnings.Add($"Fine-tuning was indicated but skipped: {message}.");
            }
        }

        if (fired.Count == 0 && decisive.Count == 0)
        {
            decisive.Add(new VerdictReason("all-clear", Verdict.Skip, AllClearMessage(inputs), 0, 0, 0));
        }

        // The rules that turned the verdict come first, then the strongest of the rest.
        var reasons = decisive.Concat(fired.OrderByDescending(r => r.Verdict)).ToArray();
        return new DecisionOutcome(verdict, reasons, evaluations, warnings);
    }

    private static void EvaluateMetricRules(
        DecisionInputs inputs, MetricsSection metrics, GatePolicy policy,
        Action<string, Verdict, bool, double, double, double, string> evaluate, List<string> warnings)
    {
        var rules = policy.Rules;
        var relative = metrics.DropKind == "relative";
        var drop = metrics.Drop;
        var change = Change(metrics);
        var credibility = policy.Metrics.Credibility;

        // metric-drop decides whether the metric "dropped" for the rules before it in the order, so measure it first.
        var dropThreshold = relative ? rules.MetricDrop.RelativeDrop : rules.MetricDrop.AbsoluteDrop;
        var dropJudged = CredibleChange.Drop(drop, metrics.DropLow, dropThreshold, credibility);
        var dropped = dropJudged.Fires;
        var dropFires = rules.MetricDrop.Enabled && dropped;

        var collapsed = false;
        if (rules.MetricCollapse.Enabled)
        {
            var threshold = relative ? rules.MetricCollapse.RelativeDrop : rules.MetricCollapse.AbsoluteDrop;
            var judged = CredibleChange.Drop(drop, metrics.DropLow, threshold, credibility);
            collapsed = judged.Fires;
            evaluate("metric-collapse", Verdict.Retrain, collapsed, drop, threshold, judged.Margin,
                collapsed
                    ? $"{change}, at or past the collapse threshold of {DropText(threshold, relative)}: the model no longer fits, retrain from scratch"
                    : judged.WithinNoise
                        ? $"{change}: past the collapse threshold of {DropText(threshold, relative)}, but {NoiseText(metrics, threshold, credibility)}, so it does not decide"
                        : $"{change}, short of the collapse threshold of {DropText(threshold, relative)}");

            foreach (var value in metrics.Values.Where(v => v.Current is not null))
            {
                if (!TryFloor(policy, value.Name, out var floor))
                {
                    continue;
                }

                var higherIsBetter = Metrics.MetricDirection.HigherIsBetter(value.Name);
                var current = value.Current!.Value;
                var floorJudged = CredibleChange.Floor(current, higherIsBetter ? value.CurrentHigh : value.CurrentLow, floor, higherIsBetter, credibility);
                var crossed = floorJudged.Fires;
                var side = higherIsBetter ? "below its floor" : "above its ceiling";
                var okSide = higherIsBetter ? "at or above its floor" : "at or below its ceiling";
                var shown = $"{Number(current)}{IntervalText(value.CurrentLow, value.CurrentHigh, relative: false)}";
                collapsed |= crossed;
                evaluate("metric-collapse", Verdict.Retrain, crossed, current, floor, floorJudged.Margin,
                    crossed
                        ? $"{value.Name} is {shown}, {side} of {Number(floor)}: retrain"
                        : floorJudged.WithinNoise
                            ? $"{value.Name} is {shown}, {side} of {Number(floor)} only within noise ({Level(metrics)} interval reaches it): a close call that does not decide"
                            : $"{value.Name} is {shown}, {okSide} of {Number(floor)}");
            }
        }

        if (rules.MetricDropDiverged.Enabled)
        {
            var share = inputs.Drift.Share;
            var threshold = rules.MetricDropDiverged.DriftShare;
            var fires = dropped && share >= threshold;
            evaluate("metric-drop-diverged", Verdict.Retrain, fires, share, threshold, share - threshold,
                fires
                    ? $"the metric dropped and {Percent(share)} of feature columns drifted (at or above {Percent(threshold)}): the data diverged too far to fine-tune"
                    : $"{Percent(share)} of feature columns drifted{(dropped ? string.Empty : dropJudged.WithinNoise ? " and the metric's drop is within noise" : " and the metric holds")}: below what calls for retraining ({Percent(threshold)} with a metric drop)");
        }

        if (rules.MetricDrop.Enabled)
        {
            evaluate("metric-drop", Verdict.FineTune, dropFires, drop, dropThreshold, dropJudged.Margin,
                dropFires
                    ? $"{change}, at or past the fine-tune threshold of {DropText(dropThreshold, relative)}"
                    : dropJudged.WithinNoise
                        ? $"{change}: {NoiseText(metrics, dropThreshold, credibility)}, so it does not decide (fine-tune threshold {DropText(dropThreshold, relative)})"
                        : $"{change}, within the fine-tune threshold of {DropText(dropThreshold, relative)}");
        }

        var shiftedFar = false;
        if (rules.MajorShift.Enabled)
        {
            var (share, names) = MajorShift(inputs.Drift, rules.MajorShift.Psi);
            var threshold = rules.MajorShift.DriftShare;
            shiftedFar = !dropped && !collapsed && share >= threshold;
            var far = $"{Percent(share)} of feature columns shifted far (PSI {Number(rules.MajorShift.Psi)} or more{(names.Count > 0 ? $": {Names(names)}" : string.Empty)})";
            evaluate("major-shift", Verdict.FineTune, shiftedFar, share, threshold, share - threshold,
                shiftedFar
                    ? $"{far} while the metric holds ({change}): the rows moved where the model was not fit, and a fine-tune fits it where they are now"
                    : dropped || collapsed
                        ? $"{far}; the metric dropped, so the metric rules decide"
                        : $"{far}, below {Percent(threshold)}: the rows are still where the model was fit");
        }

        if (rules.DriftWithoutDegradation.Enabled)
        {
            var drifted = inputs.Drift.DriftedColumns;
            var fires = drifted > 0 && !dropped && !collapsed && !shiftedFar;
            var message = $"{drifted} of {inputs.Drift.ComparedColumns} feature columns drifted but the metric holds ({change}): no action needed now, but look at the drifted columns";
            evaluate("drift-without-degradation", Verdict.Skip, fires, drifted, 1, drifted - 1,
                fires ? message
                    : drifted == 0 ? "no feature column drifted"
                    : shiftedFar ? $"{drifted} feature columns drifted, most of them far: major-shift asks for a fine-tune"
                    : $"{drifted} feature columns drifted and the metric dropped too");
            if (fires)
            {
                warnings.Add($"Features drifted but {metrics.Primary} holds: {DriftedNames(inputs.Drift)}. The labels may lag the drift; check again when more labeled data arrives.");
            }
        }

        if (metrics.BaselineOptimistic)
        {
            warnings.Add($"The baseline {metrics.Primary} is the model's score on the reference data, which it was trained on: an optimistic baseline. Pass --baseline-metrics with the model's validation metrics for a fair comparison.");
        }
    }

    private static void EvaluateDriftRules(DecisionInputs inputs, RulesPolicy rules, Action<string, Verdict, bool, double, double, double, string> evaluate)
    {
        var drift = inputs.Drift;
        if (rules.DriftShareSevere.Enabled)
        {
            var threshold = rules.DriftShareSevere.DriftShare;
            var fires = drift.ComparedColumns > 0 && drift.Share >= threshold;
            evaluate("drift-share-severe", Verdict.Retrain, fires, drift.Share, threshold, drift.Share - threshold,
                $"{Percent(drift.Share)} of feature columns drifted ({drift.DriftedColumns} of {drift.ComparedColumns}), {(fires ? "at or above" : "below")} {Percent(threshold)}");
        }

        if (rules.DomainSeparable.Enabled && inputs.Domain is { } domain)
        {
            var threshold = rules.DomainSeparable.Auc;
            var fires = domain.Auc >= threshold;
            var top = string.Join(", ", domain.TopColumns.Take(3).Select(c => $"'{c.Name}'"));
            evaluate("domain-separable", Verdict.Retrain, fires, domain.Auc, threshold, domain.Auc - threshold,
                $"a classifier tells current rows from reference rows with AUC {Number(domain.Auc)} ({(fires ? "at or above" : "below")} {Number(threshold)}); most separating: {top}");
        }

        if (rules.DriftDetected.Enabled)
        {
            var fires = drift.DriftedColumns > 0;
            evaluate("drift-detected", Verdict.FineTune, fires, drift.DriftedColumns, 1, drift.DriftedColumns - 1,
                fires
                    ? $"{drift.DriftedColumns} of {drift.ComparedColumns} feature columns drifted: {DriftedNames(drift)}"
                    : $"no feature column drifted (0 of {drift.ComparedColumns})");
        }

        if (rules.TargetDrift.Enabled && inputs.Target.Label is { Test: { } test } tested)
        {
            // Past the test, the margin is in the unit of what holds the rule back: the p-value, or the change of shares.
            var margin = test.Material ? test.Alpha - test.PValue : test.Change - test.MinChange;
            evaluate("target-drift", Verdict.FineTune, tested.Drifted, test.PValue, test.Alpha, margin,
                tested.Drifted
                    ? $"the label '{tested.Name}' drifted ({LabelTestText(test)}): the outcome the model predicts changed"
                    : $"the label '{tested.Name}' did not drift ({LabelTestText(test)})");
        }
        else if (rules.TargetDrift.Enabled && inputs.Target.Label is { } label)
        {
            var (value, margin) = label.AdjustedPValue is { } p ? (p, label.Threshold - p) : (label.Score ?? double.NaN, (label.Score ?? 0) - label.Threshold);
            var measure = label.AdjustedPValue is not null ? $"p-value {Number(value)} against {Number(label.Threshold)}" : $"{label.Method} {Number(value)} against {Number(label.Threshold)}";
            evaluate("target-drift", Verdict.FineTune, label.Drifted, double.IsNaN(value) ? 0 : value, label.Threshold, double.IsNaN(margin) ? 0 : margin,
                label.Drifted
                    ? $"the label '{label.Name}' drifted ({measure}): the outcome the model predicts changed"
                    : $"the label '{label.Name}' did not drift ({measure})");
        }
    }

    /// <summary>
    /// The weighted share of feature columns whose PSI reached <paramref name="psi"/>, and their names. A column
    /// that could not be compared (all values missing on one side, kind changed) has no PSI and does not count:
    /// the missing-value change and schema-change speak for it.
    /// </summary>
    private static (double Share, IReadOnlyList<string> Names) MajorShift(DriftSection drift, double psi)
    {
        var total = drift.Columns.Sum(c => c.Weight);
        var shifted = drift.Columns.Where(c => c.Psi >= psi).ToArray();
        return (total > 0 ? shifted.Sum(c => c.Weight) / total : 0, shifted.Select(c => c.Name).ToArray());
    }

    private static bool TryFloor(GatePolicy policy, string metric, out double floor)
    {
        foreach (var (name, value) in policy.Metrics.Floors)
        {
            if (string.Equals(Metrics.MetricNames.Normalize(name), metric, StringComparison.OrdinalIgnoreCase))
            {
                floor = value;
                return true;
            }
        }

        floor = 0;
        return false;
    }

    private static string SchemaMessage(DecisionInputs inputs)
    {
        var parts = new List<string>();
        if (inputs.LostFeatures.Count > 0)
        {
            parts.Add($"missing from the current data: {Names(inputs.LostFeatures)}");
        }

        if (inputs.ChangedKinds.Count > 0)
        {
            parts.Add($"kind changed: {string.Join(", ", inputs.ChangedKinds.Select(k => $"'{k.Name}' {k.Reference} → {k.Current}"))}");
        }

        return parts.Count == 0
            ? "the feature columns and their kinds are unchanged"
            : $"the schema changed ({string.Join("; ", parts)}); a model cannot adapt to features it no longer gets";
    }

    private static string AllClearMessage(DecisionInputs inputs) => inputs.Metrics is { } metrics
        ? $"no rule fired: {Change(metrics)} and no feature column drifted ({inputs.Drift.DriftedColumns} of {inputs.Drift.ComparedColumns})"
        : $"no rule fired: no feature column drifted (0 of {inputs.Drift.ComparedColumns}) and the schema is unchanged";

    private static string Change(MetricsSection metrics)
    {
        var relative = metrics.DropKind == "relative";
        var interval = metrics.DropLow is { } low && metrics.DropHigh is { } high
            ? $", {Level(metrics)} interval [{IntervalEnd(low, relative)}, {IntervalEnd(high, relative)}]{RowsText(metrics)}"
            : string.Empty;
        var estimated = metrics.Source == "estimated" ? "estimated without current labels, " : string.Empty;
        return $"{metrics.Primary} went from {Number(metrics.Baseline)} to {Number(metrics.Current)} ({estimated}{MetricDropText.Phrase(metrics)}{interval})";
    }

    /// <summary>Why a material drop does not decide, in the words of the policy's credibility rule.</summary>
    private static string NoiseText(MetricsSection metrics, double threshold, MetricCredibility credibility) =>
        credibility == MetricCredibility.LowerBoundPastThreshold && metrics.DropLow is { } low && low > 0
            ? $"its interval's lower end {DropText(low, metrics.DropKind == "relative")} is short of {DropText(threshold, metrics.DropKind == "relative")}: a close call"
            : "within noise (its interval reaches 0)";

    private static string Level(MetricsSection metrics) => (metrics.Uncertainty?.Level ?? 0.95).ToString("0.##%", Invariant);

    private static string RowsText(MetricsSection metrics) => (metrics.BaselineRows, metrics.CurrentRows) switch
    {
        ({ } b, { } c) => $" on {b.ToString("N0", Invariant)} baseline and {c.ToString("N0", Invariant)} current rows",
        (null, { } c) => $" on {c.ToString("N0", Invariant)} current rows",
        _ => string.Empty,
    };

    private static string IntervalText(double? low, double? high, bool relative) =>
        low is { } l && high is { } h ? $" [{IntervalEnd(l, relative)}, {IntervalEnd(h, relative)}]" : string.Empty;

    private static string IntervalEnd(double value, bool relative) => relative ? MetricDropText.Format(value, relative: true) : Reports.IntervalText.End(value);

    private static string DropText(double drop, bool relative) => MetricDropText.Threshold(drop, relative);

    private static string DriftedNames(DriftSection drift) => Names(drift.Columns.Where(c => c.Drifted).Select(c => c.Name).ToArray());

    private static string Names(IReadOnlyList<string> names)
    {
        const int shown = 5;
        var text = string.Join(", ", names.Take(shown).Select(n => $"'{n}'"));
        return names.Count > shown ? $"{text} and {names.Count - shown} more" : text;
    }

    /// <summary>"two-proportion z-test p 0.0001 on 3,000 and 3,000 rows, positive rate 58% → 70%: change 0.12, material at 0.05".</summary>
    public static string LabelTestText(ShareChangeTest test)
    {
        var rates = test.ReferenceRate is { } r && test.CurrentRate is { } c ? $", rate of '{test.PositiveClass}' {Percent(r)} → {Percent(c)}" : string.Empty;
        var significance = test.Significant ? $"significant at {Number(test.Alpha)}" : $"not significant at {Number(test.Alpha)}";
        var materiality = test.Material ? $"material at {Number(test.MinChange)}" : $"below the material {Number(test.MinChange)}";
        return $"{test.Name} p {PValueText(test.PValue)} on {test.ReferenceRows.ToString("N0", Invariant)} and {test.CurrentRows.ToString("N0", Invariant)} rows{rates}: {significance}, change {Number(test.Change)} {materiality}";
    }

    private static string PValueText(double p) => p < 0.0001 ? p.ToString("0.##e+0", Invariant) : Number(p);

    private static string Number(double value) => value.ToString("0.####", Invariant);

    private static string Percent(double share) => share.ToString("0.#%", Invariant);
}
