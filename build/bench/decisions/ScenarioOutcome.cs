using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Decisions;

/// <summary>What the oracle measured and what the check decided, for one scenario.</summary>
/// <param name="Skip">The primary metric (auc) of the unchanged model on fresh current data.</param>
/// <param name="FineTune">The same for the fine-tuned model.</param>
/// <param name="Retrain">The same for the retrained model.</param>
/// <param name="Rules">The rules that fired in the check, decisive first.</param>
public sealed record ScenarioOutcome(
    Scenario Scenario, Verdict Oracle, Verdict Verdict, double Skip, double FineTune, double Retrain, double? Drop, double DriftShare, IReadOnlyList<string> Rules)
{
    public bool Agrees => Oracle == Verdict;

    /// <summary>The verdict and rules of a second check with another policy, when one was asked for.</summary>
    public (Verdict Verdict, IReadOnlyList<string> Rules)? OtherPolicy { get; init; }
}
