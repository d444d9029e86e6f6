using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class MetricDropRule : DecisionRule
{
    public override string Id => "metric-drop";

    public override string Code => "AG1004";

    public override string PolicyKey => "metricDrop";

    public override Verdict Verdict => Verdict.FineTune;

    public override RuleScope Scope => RuleScope.WithMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["metrics", "metric intervals"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.MetricDrop.Enabled;

    public override string FiresWhen(GatePolicy policy)
    {
        var drop = policy.Rules.MetricDrop;
        return $"{RuleText.Primary(policy)} dropped by {RuleText.Setting(drop.AbsoluteDrop)} or more (scores) or rose by {RuleText.Percent(drop.RelativeDrop)} or more (errors); {RuleText.Credibility(policy.Metrics.Credibility)}.";
    }

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var metrics = facts.Metrics;
        var threshold = facts.DropThreshold;
        var change = RuleText.Change(metrics);
        var judged = facts.DropJudged;
        yield return new RuleEvaluation(Id, Verdict, judged.Fires, metrics.Drop, threshold, judged.Margin,
            judged.Fires
                ? $"{change}, at or past the fine-tune threshold of {RuleText.Drop(threshold, facts.Relative)}"
                : judged.WithinNoise
                    ? $"{change}: {RuleText.Noise(metrics, threshold, facts.Policy.Metrics.Credibility)}, so it does not decide (fine-tune threshold {RuleText.Drop(threshold, facts.Relative)})"
                    : $"{change}, within the fine-tune threshold of {RuleText.Drop(threshold, facts.Relative)}");
    }
}
