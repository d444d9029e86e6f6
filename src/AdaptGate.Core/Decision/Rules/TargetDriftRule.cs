using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class TargetDriftRule : DecisionRule
{
    public override string Id => "target-drift";

    public override string Code => "AG1009";

    public override string PolicyKey => "targetDrift";

    public override Verdict Verdict => Verdict.FineTune;

    public override RuleScope Scope => RuleScope.WithoutMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["label drift", "label share test"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.TargetDrift.Enabled;

    public override string FiresWhen(GatePolicy policy)
    {
        var label = policy.Target.Label is { } l ? $"'{l}'" : "the label column (target.label or --label)";
        var rule = policy.Rules.TargetDrift;
        return $"the distribution of {label} drifted: what the model predicts changed, even if its inputs did not. A classification label drifted when its class shares changed significantly for the sample sizes (two-proportion z-test, or chi-square for more than two classes: p < {RuleText.Setting(rule.Alpha)}) and materially (by {RuleText.Setting(rule.MinChange)} or more of the rows' shares).";
    }

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        if (facts.Inputs.Target.Label is not { } label)
        {
            yield break;
        }

        if (label.Test is { } test)
        {
            // Past the test, the margin is in the unit of what holds the rule back: the p-value, or the change of shares.
            var margin = test.Material ? test.Alpha - test.PValue : test.Change - test.MinChange;
            yield return new RuleEvaluation(Id, Verdict, label.Drifted, test.PValue, test.Alpha, margin,
                label.Drifted
                    ? $"the label '{label.Name}' drifted ({RuleText.LabelTest(test)}): the outcome the model predicts changed"
                    : $"the label '{label.Name}' did not drift ({RuleText.LabelTest(test)})");
            yield break;
        }

        var (value, gap) = label.AdjustedPValue is { } p ? (p, label.Threshold - p) : (label.Score ?? double.NaN, (label.Score ?? 0) - label.Threshold);
        var measure = label.AdjustedPValue is not null
            ? $"p-value {RuleText.Number(value)} against {RuleText.Number(label.Threshold)}"
            : $"{label.Method} {RuleText.Number(value)} against {RuleText.Number(label.Threshold)}";
        yield return new RuleEvaluation(Id, Verdict, label.Drifted, double.IsNaN(value) ? 0 : value, label.Threshold, double.IsNaN(gap) ? 0 : gap,
            label.Drifted
                ? $"the label '{label.Name}' drifted ({measure}): the outcome the model predicts changed"
                : $"the label '{label.Name}' did not drift ({measure})");
    }
}
