using AdaptGate.Core.Decision;
using AdaptGate.Core.History;

namespace AdaptGate.Core.Tests.History;

public sealed class FineTuneStreakTests
{
    private static readonly DateTimeOffset Time = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", 0)]
    [InlineData("F", 1)]
    [InlineData("FFF", 3)]
    [InlineData("FFRF", 1)]
    [InlineData("FFR", 0)]
    [InlineData("RFSF", 2)]
    [InlineData("SSS", 0)]
    public void Actions_count_fine_tunes_since_the_last_retrain(string actions, int expected)
    {
        Assert.Equal(expected, HistoryLog.FineTunesSinceLastRetrain(actions.Select(a => Action(Parse(a)))));
    }

    [Fact]
    public void Without_actions_the_checks_verdicts_count()
    {
        var entries = new[] { Check(Verdict.Retrain), Check(Verdict.FineTune), Check(Verdict.Skip), Check(Verdict.FineTune) };

        Assert.Equal(2, HistoryLog.FineTunesSinceLastRetrain(entries));
    }

    [Fact]
    public void Once_there_are_actions_the_checks_no_longer_count()
    {
        // Three checks advised fine-tuning, but the pipeline recorded one retrain and one fine-tune: what was done counts.
        var entries = new[] { Check(Verdict.FineTune), Action(Verdict.Retrain), Check(Verdict.FineTune), Check(Verdict.FineTune), Action(Verdict.FineTune) };

        Assert.Equal(1, HistoryLog.FineTunesSinceLastRetrain(entries));
    }

    private static Verdict Parse(char c) => c switch
    {
        'F' => Verdict.FineTune,
        'R' => Verdict.Retrain,
        _ => Verdict.Skip,
    };

    private static HistoryEntry Action(Verdict action) => new() { Kind = HistoryEntryKind.Action, Time = Time, Action = action };

    private static HistoryEntry Check(Verdict verdict) => new() { Kind = HistoryEntryKind.Check, Time = Time, Verdict = verdict };
}
