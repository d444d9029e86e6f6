using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Decision.Rules;
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

    public static IReadOnlyList<ExplainedRule> Explain(GatePolicy policy) =>
        [.. DecisionRules.All.Select(r => new ExplainedRule(r.Id, r.CanFire(policy), r.Scope, r.FiresWhen(policy), r.Verdict, r.Replaces))];

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
            new("metrics", $"primary {policy.Metrics.Primary ?? "the task's default"}; floors: {RuleText.Floors(policy.Metrics)}"),
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
        return $"{(decision.Trial == TrialMode.Auto ? "auto" : "on")}: with --model and labeled current rows, skip, fine-tune and retrain are carried out on the first {Percent(1 - decision.TrialShare)} of the current rows and scored on the last {Percent(decision.TrialShare)}{Folds(decision)}, {budget}; " +
               $"the verdict is the cheapest action not ruled out as more than {gain} short of the best (credibility {CredibilityName(decision.Credibility)}), and the fine-tune streak still turns a fine-tune into a retrain";
    }

    private static string Folds(DecisionPolicy decision) => decision.TrialFolds == 1
        ? string.Empty
        : $" in {decision.TrialFolds} blocks, each scored by the actions adapted on every row before it";

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

    private static string CredibilityName(MetricCredibility credibility) => credibility.Name();

    private static string Name(string? column) => column is null ? "not set" : $"'{column}'";

    private static string Number(double value) => RuleText.Setting(value);

    private static string Percent(double share) => RuleText.Percent(share);
}
