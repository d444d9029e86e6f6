using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>Few rows overfit: below the policy's minimum, a fine-tune waits for more data.</summary>
internal sealed class TooLittleDataRule : DecisionRule
{
    public override string Id => "too-little-data";

    public override string Code => "AG1011";

    public override string PolicyKey => "tooLittleData";

    public override Verdict Verdict => Verdict.Skip;

    public override RuleScope Scope => RuleScope.Adjustment;

    public override Verdict? Replaces => Verdict.FineTune;

    public override IReadOnlyList<string> Reads { get; } = ["current rows", "labeled current rows"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.TooLittleData.Enabled;

    public override bool CanFire(GatePolicy policy) => Enabled(policy) && policy.Rules.TooLittleData.MinRows > 0;

    public override string FiresWhen(GatePolicy policy) =>
        $"the current data has fewer than {RuleText.Count(policy.Rules.TooLittleData.MinRows, "labeled row")} (rows, when there is no label): fine-tuning on so little data risks overfitting, and the report warns so.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var rows = facts.Inputs.CurrentRows;
        var minimum = facts.Rules.TooLittleData.MinRows;
        var what = facts.Inputs.Metrics is { CurrentRows: not null } ? "labeled rows" : "rows";
        var fires = rows < minimum;
        var message = fires
            ? $"only {RuleText.Rows(rows)} current {what}, fewer than {RuleText.Rows(minimum)}: fine-tuning on so few rows risks overfitting, so the verdict is skip until more data arrives"
            : $"{RuleText.Rows(rows)} current {what}, at least {RuleText.Rows(minimum)}: enough to fine-tune on";
        if (fires)
        {
            facts.Warnings.Add($"Fine-tuning was indicated but skipped: {message}.");
        }

        yield return new RuleEvaluation(Id, Verdict, fires, rows, minimum, minimum - rows, message);
    }
}
