using AdaptGate.Bench.Decisions.RealData;
using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Tests;

/// <summary>
/// A small version of the real-data decision benchmark (docs/decisions.md, "Real data") on the car-loan sample
/// the repository ships: a model trained on the 5,000 reference rows, the check run on the first 60% of a current
/// window, the oracle measured on the last 40%. Pinned as they are, so a change to the trial, the adapters or the
/// rules that moves a verdict or an oracle shows up in CI.
/// </summary>
public sealed class SmallRealDataTests : IDisposable
{
    private static readonly string Samples = AdaptGate.Tests.Shared.RepoRoot.Combine("samples", "car-loan");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "bench-real", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("current.csv", Verdict.Skip, "drift-without-degradation")]
    [InlineData("current-stable.csv", Verdict.Skip, "all-clear")]
    public void On_a_car_loan_window_the_trial_decides_and_agrees_with_the_oracle(string currentFile, Verdict oracle, string rulesReason)
    {
        var reference = RealTable.Load(Path.Combine(Samples, "reference.csv"));
        var current = RealTable.Load(Path.Combine(Samples, currentFile));
        var split = new RealSplit(
            currentFile, "the sample's window", RealDataset.CarLoanReference, RealDataset.CarLoanMonitoring,
            [.. Enumerable.Range(0, reference.Count)], [.. Enumerable.Range(0, current.Count)]);

        var outcome = RealBenchmark.RunSplit(split, seed: 0, reference, current, Path.Combine(_folder, currentFile));

        Assert.Equal(oracle, outcome.Oracle.Answer);
        Assert.Equal("decided", outcome.Check.Trial!.Status);
        Assert.Equal(outcome.Check.Trial.Verdict, outcome.Verdict);
        Assert.True(outcome.Agrees, $"oracle {outcome.Oracle.Answer} (skip {outcome.Oracle.Skip}, fine-tune {outcome.Oracle.FineTune}, retrain {outcome.Oracle.Retrain}), check {outcome.Verdict}");
        Assert.Equal("estimated", outcome.Estimated!.Metrics!.Source);
        Assert.Equal((Verdict.Skip, rulesReason), (outcome.Rules.Verdict, outcome.Rules.Reasons[0].Rule));
    }
}
