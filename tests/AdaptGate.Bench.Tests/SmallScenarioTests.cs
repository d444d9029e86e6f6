using AdaptGate.Bench.Decisions;
using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Tests;

/// <summary>
/// A small, fast version of five benchmark scenarios (fewer rows than docs/decisions.md), so a change
/// to the adapters, the metrics, the trial or the default policy that moves a verdict or an oracle shows up in CI.
/// Pinned as they are. The check has the model, so its trial decides (docs/decisions.md, "The trial"), and it agrees
/// with the oracle on all five, including the three the rules alone got wrong at this size: the concept drift
/// whose measured drop fell short of metric-drop's 0.015, the removed feature where schema-change asked for a
/// retrain that a fine-tune matches, and the strong covariate shift where major-shift asked for a fine-tune whose
/// gain falls within the oracle's 0.01.
/// </summary>
public sealed class SmallScenarioTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "bench", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("no-drift", Verdict.Skip, Verdict.Skip)]
    [InlineData("concept-drift", Verdict.FineTune, Verdict.FineTune)]
    [InlineData("schema-change", Verdict.FineTune, Verdict.FineTune)]
    [InlineData("strong-covariate-shift", Verdict.Skip, Verdict.Skip)]
    [InlineData("label-shift", Verdict.Skip, Verdict.Skip)]
    public void Oracle_and_verdict(string name, Verdict oracle, Verdict verdict)
    {
        var scenario = Scenario.All().Single(s => s.Name == name) with { ReferenceRows = 2000, CurrentRows = 1000, FreshRows = 2000 };
        var outcome = DecisionBenchmark.Run(scenario, Path.Combine(_folder, name), seed: 7);

        Assert.Equal((oracle, verdict), (outcome.Oracle, outcome.Verdict));
    }

    /// <summary>
    /// The evidence behind the streak limit of 10 (docs/decisions.md, "The streak variants"), small: after
    /// six fine-tunes the concept jumps; the old limit of 3 turned the fine-tune into a retrain, which the
    /// oracle finds worse, and the default keeps the fine-tune.
    /// </summary>
    [Fact]
    public void A_streak_followed_by_a_jump_is_fine_tuned_not_retrained()
    {
        var variant = Scenario.StreakVariants().Single(s => s.Name == "sudden-after-gradual") with { ReferenceRows = 2000, CurrentRows = 2000, FreshRows = 4000 };
        Directory.CreateDirectory(_folder);
        var oldLimit = Path.Combine(_folder, "limit-3.json");
        File.WriteAllText(oldLimit, """{ "rules": { "fineTuneStreak": { "maxFineTunes": 3 } } }""");

        var outcome = DecisionBenchmark.Run(variant, Path.Combine(_folder, variant.Name), seed: 7, oldLimit);

        Assert.Equal(Verdict.FineTune, outcome.Oracle);
        Assert.Equal(Verdict.FineTune, outcome.Verdict);
        Assert.Equal(Verdict.Retrain, outcome.OtherPolicy!.Value.Verdict);
        Assert.Contains("fine-tune-streak", outcome.OtherPolicy.Value.Rules);
        Assert.True(outcome.FineTune > outcome.Retrain, $"fine-tune {outcome.FineTune}, retrain {outcome.Retrain}");
    }
}
