using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

internal sealed class SchemaChangeRule : DecisionRule
{
    public override string Id => "schema-change";

    public override string Code => "AG1001";

    public override string PolicyKey => "schemaChange";

    public override Verdict Verdict => Verdict.Retrain;

    public override RuleScope Scope => RuleScope.Always;

    public override IReadOnlyList<string> Reads { get; } = ["schema"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.SchemaChange.Enabled;

    public override string FiresWhen(GatePolicy policy) =>
        "a feature column of the reference data is missing from the current data, or its kind changed: a model cannot adapt to features it no longer gets.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var inputs = facts.Inputs;
        var changes = inputs.LostFeatures.Count + inputs.ChangedKinds.Count;
        yield return new RuleEvaluation(Id, Verdict, changes >= 1, changes, 1, changes - 1, Message(inputs));
    }

    private static string Message(DecisionInputs inputs)
    {
        var parts = new List<string>();
        if (inputs.LostFeatures.Count > 0)
        {
            parts.Add($"missing from the current data: {RuleText.Names(inputs.LostFeatures)}");
        }

        if (inputs.ChangedKinds.Count > 0)
        {
            parts.Add($"kind changed: {string.Join(", ", inputs.ChangedKinds.Select(k => $"'{k.Name}' {k.Reference} → {k.Current}"))}");
        }

        return parts.Count == 0
            ? "the feature columns and their kinds are unchanged"
            : $"the schema changed ({string.Join("; ", parts)}); a model cannot adapt to features it no longer gets";
    }
}
