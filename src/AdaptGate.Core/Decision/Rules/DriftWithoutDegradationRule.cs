using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class DriftWithoutDegradationRule : DecisionRule
{
    public override string Id => "drift-without-degradation";

    public override string Code => "AG1005";

    public override string PolicyKey => "driftWithoutDegradation";

    public override Verdict Verdict => Verdict.Skip;

    public override RuleScope Scope => RuleScope.WithMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["drifted columns", "metrics", "metric-collapse", "major-shift"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.DriftWithoutDegradation.Enabled;

    public override string FiresWhen(GatePolicy policy) =>
        $"feature columns drifted but {RuleText.Primary(policy)} holds (below the metric-drop thresholds); the report warns to look at the drifted columns.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var drift = facts.Inputs.Drift;
        var drifted = drift.DriftedColumns;
        var shiftedFar = facts.HasFired("major-shift");
        var fires = drifted > 0 && !facts.Dropped && !facts.HasFired("metric-collapse") && !shiftedFar;
        if (fires)
        {
            facts.Warnings.Add($"Features drifted but {facts.Metrics.Primary} holds: {RuleText.DriftedNames(drift)}. The labels may lag the drift; check again when more labeled data arrives.");
        }

        yield return new RuleEvaluation(Id, Verdict, fires, drifted, 1, drifted - 1,
            fires ? $"{drifted} of {drift.ComparedColumns} feature columns drifted but the metric holds ({RuleText.Change(facts.Metrics)}): no action needed now, but look at the drifted columns"
                : drifted == 0 ? "no feature column drifted"
                : shiftedFar ? $"{drifted} feature columns drifted, most of them far: major-shift asks for a fine-tune"
                : $"{drifted} feature columns drifted and the metric dropped too");
    }
}
