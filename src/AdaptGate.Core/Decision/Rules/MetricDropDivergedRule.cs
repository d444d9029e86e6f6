using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class MetricDropDivergedRule : DecisionRule
{
    public override string Id => "metric-drop-diverged";

    public override string Code => "AG1003";

    public override string PolicyKey => "metricDropDiverged";

    public override Verdict Verdict => Verdict.Retrain;

    public override RuleScope Scope => RuleScope.WithMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["metrics", "metric intervals", "drift share"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.MetricDropDiverged.Enabled;

    public override string FiresWhen(GatePolicy policy)
    {
        var drop = policy.Rules.MetricDrop;
        return $"{RuleText.Primary(policy)} dropped past the metric-drop thresholds ({RuleText.Setting(drop.AbsoluteDrop)} for scores, {RuleText.Percent(drop.RelativeDrop)} for errors) and {RuleText.Percent(policy.Rules.MetricDropDiverged.DriftShare)} or more of the feature columns drifted: the data moved away from what the model learned, so fine-tuning is not enough; {RuleText.Credibility(policy.Metrics.Credibility)}.";
    }

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var share = facts.Inputs.Drift.Share;
        var threshold = facts.Rules.MetricDropDiverged.DriftShare;
        var fires = facts.Dropped && share >= threshold;
        var why = facts.Dropped ? string.Empty : facts.DropJudged.WithinNoise ? " and the metric's drop is within noise" : " and the metric holds";
        yield return new RuleEvaluation(Id, Verdict, fires, share, threshold, share - threshold,
            fires
                ? $"the metric dropped and {RuleText.Percent(share)} of feature columns drifted (at or above {RuleText.Percent(threshold)}): the data diverged too far to fine-tune"
                : $"{RuleText.Percent(share)} of feature columns drifted{why}: below what calls for retraining ({RuleText.Percent(threshold)} with a metric drop)");
    }
}
