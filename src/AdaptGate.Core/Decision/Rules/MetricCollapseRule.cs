using AdaptGate.Core.Metrics;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>The primary metric collapsed past its threshold, or any metric crossed the floor the policy sets for it.</summary>
internal sealed class MetricCollapseRule : DecisionRule
{
    public override string Id => "metric-collapse";

    public override string Code => "AG1002";

    public override string PolicyKey => "metricCollapse";

    public override Verdict Verdict => Verdict.Retrain;

    public override RuleScope Scope => RuleScope.WithMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["metrics", "metric intervals", "metrics.floors"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.MetricCollapse.Enabled;

    public override string FiresWhen(GatePolicy policy)
    {
        var collapse = policy.Rules.MetricCollapse;
        return $"{RuleText.Primary(policy)} dropped by {RuleText.Setting(collapse.AbsoluteDrop)} or more (scores such as auc: baseline − current) or rose by {RuleText.Percent(collapse.RelativeDrop)} or more (errors such as rmse: relative to the baseline), or crossed its floor ({RuleText.Floors(policy.Metrics)}); {RuleText.Credibility(policy.Metrics.Credibility)}.";
    }

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var metrics = facts.Metrics;
        var relative = facts.Relative;
        var credibility = facts.Policy.Metrics.Credibility;
        var change = RuleText.Change(metrics);
        var threshold = relative ? facts.Rules.MetricCollapse.RelativeDrop : facts.Rules.MetricCollapse.AbsoluteDrop;
        var judged = CredibleChange.Drop(metrics.Drop, metrics.DropLow, threshold, credibility);
        yield return new RuleEvaluation(Id, Verdict, judged.Fires, metrics.Drop, threshold, judged.Margin,
            judged.Fires
                ? $"{change}, at or past the collapse threshold of {RuleText.Drop(threshold, relative)}: the model no longer fits, retrain from scratch"
                : judged.WithinNoise
                    ? $"{change}: past the collapse threshold of {RuleText.Drop(threshold, relative)}, but {RuleText.Noise(metrics, threshold, credibility)}, so it does not decide"
                    : $"{change}, short of the collapse threshold of {RuleText.Drop(threshold, relative)}");

        foreach (var value in metrics.Values.Where(v => v.Current is not null))
        {
            if (!TryFloor(facts.Policy, value.Name, out var floor))
            {
                continue;
            }

            var higherIsBetter = MetricDirection.HigherIsBetter(value.Name);
            var current = value.Current!.Value;
            var floorJudged = CredibleChange.Floor(current, higherIsBetter ? value.CurrentHigh : value.CurrentLow, floor, higherIsBetter, credibility);
            var side = higherIsBetter ? "below its floor" : "above its ceiling";
            var okSide = higherIsBetter ? "at or above its floor" : "at or below its ceiling";
            var shown = $"{RuleText.Number(current)}{RuleText.Interval(value.CurrentLow, value.CurrentHigh, relative: false)}";
            yield return new RuleEvaluation(Id, Verdict, floorJudged.Fires, current, floor, floorJudged.Margin,
                floorJudged.Fires
                    ? $"{value.Name} is {shown}, {side} of {RuleText.Number(floor)}: retrain"
                    : floorJudged.WithinNoise
                        ? $"{value.Name} is {shown}, {side} of {RuleText.Number(floor)} only within noise ({RuleText.Level(metrics)} interval reaches it): a close call that does not decide"
                        : $"{value.Name} is {shown}, {okSide} of {RuleText.Number(floor)}");
        }
    }

    private static bool TryFloor(GatePolicy policy, string metric, out double floor)
    {
        foreach (var (name, value) in policy.Metrics.Floors)
        {
            if (string.Equals(MetricNames.Normalize(name), metric, StringComparison.OrdinalIgnoreCase))
            {
                floor = value;
                return true;
            }
        }

        floor = 0;
        return false;
    }
}
