using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Reports;

/// <summary>
/// The check's trial: skip, fine-tune and retrain carried out on the earlier current rows and scored on the
/// later ones. <c>Status</c>: decided (its verdict is the check's), stopped (the budget ran out: the rules
/// decided), not-run (<c>Why</c> says what was missing; <c>MinGain</c> is then the policy's, null for the task's
/// default, and <c>MinGainKind</c> null: no metric was chosen). <c>RulesVerdict</c> is what the rules alone said.
/// </summary>
public sealed record TrialSection(
    string Mode,
    string Status,
    string? Why,
    string Primary,
    double? MinGain,
    string? MinGainKind,
    double? BudgetSeconds,
    string Split,
    int AdaptRows,
    int ScoreRows,
    IReadOnlyList<TrialCandidate> Candidates,
    Verdict? Verdict,
    Verdict RulesVerdict)
{
    /// <summary>How many blocks the scored rows were cut into (decision.trialFolds); <c>AdaptRows</c> is then the first block's.</summary>
    public int Folds { get; init; } = 1;

    /// <summary>How a cheaper action's shortfall rules it out (decision.credibility): point, interval or lower-bound-past-threshold.</summary>
    public string Credibility { get; init; } = new DecisionPolicy().Credibility.Name();
}

/// <summary>
/// One action of the trial: its primary metric on the scored rows, and how far it falls short of the best
/// action (<c>Shortfall</c>, in <see cref="TrialSection.MinGainKind"/> units, with a paired bootstrap interval).
/// </summary>
public sealed record TrialCandidate(
    Verdict Action,
    string Status,
    double? Metric,
    double? Shortfall,
    double? ShortfallLow,
    double? ShortfallHigh,
    string? Note);
