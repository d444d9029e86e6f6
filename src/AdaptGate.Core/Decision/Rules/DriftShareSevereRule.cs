using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class DriftShareSevereRule : DecisionRule
{
    public override string Id => "drift-share-severe";

    public override string Code => "AG1006";

    public override string PolicyKey => "driftShareSevere";

    public override Verdict Verdict => Verdict.Retrain;

    public override RuleScope Scope => RuleScope.WithoutMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["drift share"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.DriftShareSevere.Enabled;

    public override string FiresWhen(GatePolicy policy) =>
        $"{RuleText.Percent(policy.Rules.DriftShareSevere.DriftShare)} or more of the (weighted) feature columns drifted.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var drift = facts.Inputs.Drift;
        var threshold = facts.Rules.DriftShareSevere.DriftShare;
        var fires = drift.ComparedColumns > 0 && drift.Share >= threshold;
        yield return new RuleEvaluation(Id, Verdict, fires, drift.Share, threshold, drift.Share - threshold,
            $"{RuleText.Percent(drift.Share)} of feature columns drifted ({drift.DriftedColumns} of {drift.ComparedColumns}), {(fires ? "at or above" : "below")} {RuleText.Percent(threshold)}");
    }
}
