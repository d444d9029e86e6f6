using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>What the oracle measured and what the check decided on one real-data split.</summary>
internal sealed record RealOutcome(RealSplit Split, int Seed, RealOracle Oracle, CheckReport Check)
{
    public Verdict Verdict => Check.Verdict;

    public bool Agrees => Oracle.Accepts(Verdict);

    /// <summary>What carrying out the three actions on the check's own rows (adapt on their first 60%, score on the rest) would pick.</summary>
    public Verdict Trial { get; init; }
}
