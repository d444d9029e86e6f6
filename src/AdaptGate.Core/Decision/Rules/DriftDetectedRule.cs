using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class DriftDetectedRule : DecisionRule
{
    public override string Id => "drift-detected";

    public override string Code => "AG1008";

    public override string PolicyKey => "driftDetected";

    public override Verdict Verdict => Verdict.FineTune;

    public override RuleScope Scope => RuleScope.WithoutMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["drifted columns"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.DriftDetected.Enabled;

    public override string FiresWhen(GatePolicy policy) => "at least one feature column drifted, below the share that calls for retraining.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var drift = facts.Inputs.Drift;
        var fires = drift.DriftedColumns > 0;
        yield return new RuleEvaluation(Id, Verdict, fires, drift.DriftedColumns, 1, drift.DriftedColumns - 1,
            fires
                ? $"{drift.DriftedColumns} of {drift.ComparedColumns} feature columns drifted: {RuleText.DriftedNames(drift)}"
                : $"no feature column drifted (0 of {drift.ComparedColumns})");
    }
}
