using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// What the oracle measured and what the check decided on one real-data split: <c>Check</c> with the model (its
/// trial decides), <c>Rules</c> with the stored predictions alone (the rules decide).
/// </summary>
internal sealed record RealOutcome(RealSplit Split, int Seed, RealOracle Oracle, CheckReport Check, CheckReport Rules)
{
    public Verdict Verdict => Check.Verdict;

    public bool Agrees => Oracle.Accepts(Verdict);

    /// <summary>The check of the same current rows with their labels held back (classification splits): metrics estimated.</summary>
    public CheckReport? Estimated { get; init; }
}
