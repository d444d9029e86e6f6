using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Drift.Methods;

namespace AdaptGate.Core.Policy;

/// <summary>
/// Says in words what a policy does: its rules in evaluation order with their effective thresholds,
/// and how it measures drift. It describes; the decision engine applies.
/// </summary>
public static class PolicyExplainer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ExplainedRule> Explain(GatePolicy policy)
    {
        var rules = policy.Rules;
        var primary = policy.Metrics.Primary is { } name ? $"the primary metric ({name})" : "the primary metric (the task's default: auc, micro-accuracy or rmse)";
        var drop = rules.MetricDrop;
        var collapse = rules.MetricCollapse;
        var classifier = policy.DomainClassifier;
        var label = policy.Target.Label is { } l ? $"'{l}'" : "the label column (target.label or --label)";
        var credible = Credibility(policy.Metrics.Credibility);

        return
        [
            new("schema-change", rules.SchemaChange.Enabled, RuleScope.Always,
                "a feature column of the reference data is missing from the current data, or its kind changed: a model cannot adapt to features it no longer gets.",
                Verdict.Retrain),
            new("metric-collapse", collapse.Enabled, RuleScope.WithMetrics,
                $"{primary} dropped by {Number(collapse.AbsoluteDrop)} or more (scores such as auc: baseline − current) or rose by {Percent(collapse.RelativeDrop)} or more (errors such as rmse: relative to the baseline), or crossed its floor ({Floors(policy.Metrics)}); {credible}.",
                Verdict.Retrain),
            new("metric-drop-diverged", rules.MetricDropDiverged.Enabled, RuleScope.WithMetrics,
                $"{primary} dropped past the metric-drop thresholds ({Number(drop.AbsoluteDrop)} for scores, {Percent(drop.RelativeDrop)} for errors) and {Percent(rules.MetricDropDiverged.DriftShare)} or more of the feature columns drifted: the data moved away from what the model learned, so fine-tuning is not enough; {credible}.",
                Verdict.Retrain),
            new("metric-drop", drop.Enabled, RuleScope.WithMetrics,
                $"{primary} dropped by {Number(drop.AbsoluteDrop)} or more (scores) or rose by {Percent(drop.RelativeDrop)} or more (errors); {credible}.",
                Verdict.FineTune),
            new("major-shift", rules.MajorShift.Enabled, RuleScope.WithMetrics,
                $"{primary} holds, but {Percent(rules.MajorShift.DriftShare)} or more of the (weighted) feature columns shifted far (PSI {Number(rules.MajorShift.Psi)} or more): the rows moved where the model was not fit, and a fine-tune fits it where they are now.",
                Verdict.FineTune),
            new("drift-without-degradation", rules.DriftWithoutDegradation.Enabled, RuleScope.WithMetrics,
                $"feature columns drifted but {primary} holds (below the metric-drop thresholds); the report warns to look at the drifted columns.",
                Verdict.Skip),
            new("drift-share-severe", rules.DriftShareSevere.Enabled, RuleScope.WithoutMetrics,
                $"{Percent(rules.DriftShareSevere.DriftShare)} or more of the (weighted) feature columns drifted.",
                Verdict.Retrain),
            new("domain-separable", rules.DomainSeparable.Enabled && classifier.Enabled, RuleScope.WithoutMetrics,
                $"a classifier trained to tell reference rows from current rows reaches a cross-validated AUC of {Number(rules.DomainSeparable.Auc)} or more." +
                (classifier.Enabled ? string.Empty : " The domain classifier is off (domainClassifier.enabled), so this rule cannot fire."),
                Verdict.Retrain),
            new("drift-detected", rules.DriftDetected.Enabled, RuleScope.WithoutMetrics,
                "at least one feature column drifted, below the share that calls for retraining.",
                Verdict.FineTune),
            new("target-drift", rules.TargetDrift.Enabled, RuleScope.WithoutMetrics,
                $"the distribution of {label} drifted: what the model predicts changed, even if its inputs did not. A classification label drifted when its class shares changed significantly for the sample sizes (two-proportion z-test, or chi-square for more than two classes: p < {Number(rules.TargetDrift.Alpha)}) and materially (by {Number(rules.TargetDrift.MinChange)} or more of the rows' shares).",
                Verdict.FineTune),
            new("fine-tune-streak", rules.FineTuneStreak.Enabled, RuleScope.Adjustment,
                $"the history ({policy.History.Path}) shows {Count(rules.FineTuneStreak.MaxFineTunes, "fine-tune")} or more since the last retrain: fine-tunes pile up, so start over.",
                Verdict.Retrain, Verdict.FineTune),
            new("too-little-data", rules.TooLittleData.Enabled && rules.TooLittleData.MinRows > 0, RuleScope.Adjustment,
                $"the current data has fewer than {Count(rules.TooLittleData.MinRows, "labeled row")} (rows, when there is no label): fine-tuning on so little data risks overfitting, and the report warns so.",
                Verdict.Skip, Verdict.FineTune),
        ];
    }

    public static IReadOnlyList<ExplainedSetting> ExplainSettings(GatePolicy policy)
    {
        var drift = policy.Drift;
        var t = drift.Thresholds;
        var target = policy.Target;
        return
        [
            new("drift method", Method(drift.Method)),
            new("drift thresholds", string.Join(", ", DriftMethodRegistry.All.Select(d => d.RuleText(Number(d.PolicyThreshold(t)))))),
            new("p-value correction", Correction(drift.Correction)),
            new("column settings", policy.Columns.Count == 0 ? "none" : string.Join("; ", policy.Columns.Select(c => $"'{c.Key}': {Column(c.Value)}"))),
            new("ignored columns", policy.Ignore.Count == 0 ? "none" : string.Join(", ", policy.Ignore.Select(c => $"'{c}'"))),
            new("target columns", $"label {Name(target.Label)}, prediction {Name(target.Prediction)}, probability {Name(target.Probability)} (never drift features)"),
            new("task", target.Task ?? "inferred from the label"),
            new("metrics", $"primary {policy.Metrics.Primary ?? "the task's default"}; floors: {Floors(policy.Metrics)}"),
            new("metric intervals", $"{Percent(policy.Metrics.Bootstrap.Level)} confidence: DeLong for the auc of a binary score, else {policy.Metrics.Bootstrap.Resamples.ToString("N0", Invariant)} bootstrap resamples per file (stratified by class, seeded); credibility {CredibilityName(policy.Metrics.Credibility)}"),
            new("trial", Trial(policy.Decision)),
            new("domain classifier", policy.DomainClassifier.Enabled
                ? $"on: up to {policy.DomainClassifier.MaxRowsPerSide.ToString("N0", Invariant)} rows per side, {policy.DomainClassifier.Folds}-fold cross-validation"
                : "off"),
            new("seed", policy.Seed.ToString(Invariant)),
            new("history", policy.History.Gate is { } gate ? $"{policy.History.Path}, gate '{gate}'" : policy.History.Path),
            new("retrain window", Adaptation.RetrainWindow.Parse(policy.Retrain.Window).Describe()),
        ];
    }

    private static string Trial(DecisionPolicy decision)
    {
        if (decision.Trial == TrialMode.Off)
        {
            return "off: the rules decide";
        }

        var gain = decision.MinGain is { } g ? $"{Number(g)} (in a score's units, or a share of the best error)" : "0.01 for scores, 2% of the best for errors";
        var budget = decision.Trial == TrialMode.Auto ? $"within {Number(decision.TrialBudgetSeconds)} s (else the rules decide)" : "however long it takes";
        return $"{(decision.Trial == TrialMode.Auto ? "auto" : "on")}: with --model and labeled current rows, skip, fine-tune and retrain are carried out on the first {Percent(1 - decision.TrialShare)} of the current rows and scored on the last {Percent(decision.TrialShare)}, {budget}; " +
               $"the verdict is the cheapest action within {gain} of the best, and the fine-tune streak still turns a fine-tune into a retrain";
    }

    private static string Method(DriftMethod method) => method == DriftMethod.Auto
        ? $"auto: ks (numeric) or chisquare (categorical, boolean) when the smaller sample has at most {DriftMethods.AutoTestMaxRows} values, wasserstein or jensenshannon above"
        : DriftMethods.Name(method) + " for every column it applies to (auto for the others)";

    private static string Correction(PValueCorrection correction) => correction switch
    {
        PValueCorrection.Bonferroni => "bonferroni: each p-value times the number of tested columns",
        PValueCorrection.Holm => "holm: step-down correction of the family-wise error",
        PValueCorrection.FdrBh => "fdr-bh: Benjamini-Hochberg, controls the false discovery rate",
        _ => "none: each column is tested on its own",
    };

    private static string Column(ColumnPolicy column)
    {
        var parts = new List<string>();
        if (column.Ignore)
        {
            parts.Add("ignored");
        }

        if (column.Kind is { } kind)
        {
            parts.Add("kind " + kind.ToString().ToLowerInvariant());
        }

        if (column.Method is { } method)
        {
            parts.Add("method " + DriftMethods.Name(method));
        }

        if (column.Threshold is { } threshold)
        {
            parts.Add("threshold " + Number(threshold));
        }

        if (column.Weight != 1)
        {
            parts.Add("weight " + Number(column.Weight));
        }

        return parts.Count == 0 ? "defaults" : string.Join(", ", parts);
    }

    private static string Floors(MetricsPolicy metrics) =>
        metrics.Floors.Count == 0
            ? "none set"
            : string.Join(", ", metrics.Floors.Select(f => $"{f.Key} {(Metrics.MetricDirection.HigherIsBetter(f.Key) ? ">=" : "<=")} {Number(f.Value)}"));

    private static string Credibility(MetricCredibility credibility) => credibility switch
    {
        MetricCredibility.Point => "it decides on the point value alone (metrics.credibility point)",
        MetricCredibility.LowerBoundPastThreshold => "it decides only when the drop's confidence interval lies at or past the threshold (metrics.credibility lower-bound-past-threshold), else the drop is a close call",
        _ => "it decides only when the drop's confidence interval lies above zero, and a floor only when the whole interval is past it (metrics.credibility interval), else the change is within noise",
    };

    private static string CredibilityName(MetricCredibility credibility) => credibility switch
    {
        MetricCredibility.Point => "point",
        MetricCredibility.LowerBoundPastThreshold => "lower-bound-past-threshold",
        _ => "interval",
    };

    private static string Name(string? column) => column is null ? "not set" : $"'{column}'";

    private static string Count(int n, string noun) => $"{n.ToString(Invariant)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Number(double value) => value.ToString(Invariant);

    private static string Percent(double share) => share.ToString("0.#%", Invariant);
}
