using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class DomainSeparableRule : DecisionRule
{
    public override string Id => "domain-separable";

    public override string Code => "AG1007";

    public override string PolicyKey => "domainSeparable";

    public override Verdict Verdict => Verdict.Retrain;

    public override RuleScope Scope => RuleScope.WithoutMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["domain classifier"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.DomainSeparable.Enabled;

    public override bool CanFire(GatePolicy policy) => Enabled(policy) && policy.DomainClassifier.Enabled;

    public override string FiresWhen(GatePolicy policy) =>
        $"a classifier trained to tell reference rows from current rows reaches a cross-validated AUC of {RuleText.Setting(policy.Rules.DomainSeparable.Auc)} or more." +
        (policy.DomainClassifier.Enabled ? string.Empty : " The domain classifier is off (domainClassifier.enabled), so this rule cannot fire.");

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        if (facts.Inputs.Domain is not { } domain)
        {
            yield break;
        }

        var threshold = facts.Rules.DomainSeparable.Auc;
        var fires = domain.Auc >= threshold;
        var top = string.Join(", ", domain.TopColumns.Take(3).Select(c => $"'{c.Name}'"));
        yield return new RuleEvaluation(Id, Verdict, fires, domain.Auc, threshold, domain.Auc - threshold,
            $"a classifier tells current rows from reference rows with AUC {RuleText.Number(domain.Auc)} ({(fires ? "at or above" : "below")} {RuleText.Number(threshold)}); most separating: {top}");
    }
}
