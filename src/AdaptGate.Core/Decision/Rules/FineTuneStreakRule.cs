using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>Fine-tunes pile up error: past the policy's streak, a fine-tune becomes a retrain.</summary>
internal sealed class FineTuneStreakRule : DecisionRule
{
    public override string Id => "fine-tune-streak";

    public override string Code => "AG1010";

    public override string PolicyKey => "fineTuneStreak";

    public override Verdict Verdict => Verdict.Retrain;

    public override RuleScope Scope => RuleScope.Adjustment;

    public override Verdict? Replaces => Verdict.FineTune;

    public override IReadOnlyList<string> Reads { get; } = ["history"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.FineTuneStreak.Enabled;

    public override string FiresWhen(GatePolicy policy) =>
        $"the history ({policy.History.Path}) shows {RuleText.Count(policy.Rules.FineTuneStreak.MaxFineTunes, "fine-tune")} or more since the last retrain: fine-tunes pile up, so start over.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var streak = facts.Inputs.FineTunesSinceLastRetrain;
        var limit = facts.Rules.FineTuneStreak.MaxFineTunes;
        var fires = streak >= limit;
        yield return new RuleEvaluation(Id, Verdict, fires, streak, limit, streak - limit,
            fires
                ? $"{streak} fine-tunes since the last retrain (limit {limit}): fine-tunes pile up error, so this one becomes a retrain"
                : $"{streak} fine-tunes since the last retrain, below the limit of {limit}");
    }
}
