using AdaptGate.Core.Decision;
using AdaptGate.Core.History;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.History;

/// <summary>One history file, several gates, retried checks: each gate counts what happened to its model, once.</summary>
public sealed class GateStreakTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string RefA = new('a', 64);
    private static readonly string RefB = new('b', 64);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_verdict_on_the_same_pair_of_files_counts_once()
    {
        var lines = Lines(Check(RefA, "1", Verdict.FineTune), Check(RefA, "1", Verdict.FineTune), Check(RefA, "2", Verdict.FineTune), Check(RefA, "1", Verdict.FineTune));

        var streak = FineTuneStreak.Count(lines, new HistoryGate(null, RefA));

        Assert.Equal(2, streak.FineTunes);
        Assert.Equal([1L, 3], streak.Counted);
        Assert.Equal([2L, 4], streak.Repeats);
        Assert.Equal("checks", streak.CountedFrom);
    }

    [Fact]
    public void A_check_does_not_count_its_own_earlier_runs_so_a_retry_sees_the_streak_the_first_run_saw()
    {
        var lines = Lines(Check(RefA, "1", Verdict.FineTune), Check(RefA, "2", Verdict.FineTune), Check(RefA, "2", Verdict.FineTune));

        var retry = FineTuneStreak.Count(lines, new HistoryGate(null, RefA), (RefA, Current("2")));

        Assert.Equal(1, retry.FineTunes);
        Assert.Equal([1L], retry.Counted);
        Assert.Equal([2L, 3], retry.Repeats);
    }

    [Fact]
    public void A_retried_retrain_verdict_stays_a_retrain_and_does_not_reset_the_streak_it_came_from()
    {
        // Two fine-tunes, then a check whose verdict was retrain (the streak limit fired); its retry must see the same two.
        var lines = Lines(Check(RefA, "1", Verdict.FineTune), Check(RefA, "2", Verdict.FineTune), Check(RefA, "3", Verdict.Retrain));

        Assert.Equal(2, FineTuneStreak.Count(lines, new HistoryGate(null, RefA), (RefA, Current("3"))).FineTunes);
        Assert.Equal(0, FineTuneStreak.Count(lines, new HistoryGate(null, RefA)).FineTunes);
    }

    [Fact]
    public void An_adapt_rerun_on_the_same_files_counts_once_and_a_check_of_those_files_does_not_count_it()
    {
        var lines = Lines(
            Action(Verdict.FineTune, reference: RefA, current: "1"),
            Action(Verdict.FineTune, reference: RefA, current: "1"),
            Action(Verdict.FineTune, reference: RefA),
            Action(Verdict.FineTune, reference: RefA),
            Action(Verdict.FineTune, reference: RefA, current: "2"));

        var after = FineTuneStreak.Count(lines, new HistoryGate(null, RefA));
        var recheck = FineTuneStreak.Count(lines, new HistoryGate(null, RefA), (RefA, Current("2")));

        // Lines 3 and 4 are `record`s, which name no current data: each counts.
        Assert.Equal([1L, 3, 4, 5], after.Counted);
        Assert.Equal([2L], after.Repeats);
        Assert.Equal([1L, 3, 4], recheck.Counted);
        Assert.Equal([2L, 5], recheck.Repeats);
    }

    [Fact]
    public void Two_references_in_one_file_keep_separate_streaks()
    {
        var lines = Lines(
            Check(RefA, "1", Verdict.FineTune),
            Check(RefA, "2", Verdict.FineTune),
            Check(RefB, "1", Verdict.Retrain),
            Check(RefA, "3", Verdict.FineTune),
            Check(RefB, "2", Verdict.FineTune));

        var a = FineTuneStreak.Count(lines, new HistoryGate(null, RefA));
        var b = FineTuneStreak.Count(lines, new HistoryGate(null, RefB));

        Assert.Equal([1L, 2, 4], a.Counted);
        Assert.Equal((3, 2), (a.FineTunes, a.OtherGates));
        Assert.Equal([5L], b.Counted);
        Assert.Equal((1, 3), (b.FineTunes, b.OtherGates));
        // Mixed together, as before gates, B's retrain cut A's streak to the 2 fine-tunes after it.
        Assert.Equal(2, HistoryLog.FineTunesSinceLastRetrain(lines.Select(l => l.Entry)));
    }

    [Fact]
    public void A_gate_with_actions_counts_its_actions_and_not_another_gates()
    {
        var lines = Lines(
            Check(RefA, "1", Verdict.FineTune),
            Action(Verdict.FineTune, reference: RefA),
            Action(Verdict.FineTune, reference: RefA),
            Check(RefB, "1", Verdict.FineTune),
            Action(Verdict.Retrain, reference: RefB));

        var a = FineTuneStreak.Count(lines, new HistoryGate(null, RefA));
        var b = FineTuneStreak.Count(lines, new HistoryGate(null, RefB));

        Assert.Equal(("actions", 2), (a.CountedFrom, a.FineTunes));
        Assert.Equal([2L, 3], a.Counted);
        Assert.Equal(("actions", 0), (b.CountedFrom, b.FineTunes));
    }

    [Fact]
    public void A_named_gate_counts_its_own_entries_and_the_unnamed_ones_of_its_reference()
    {
        var lines = Lines(
            Check(RefA, "1", Verdict.FineTune),
            Check(RefB, "2", Verdict.FineTune, gate: "churn"),
            Check(RefA, "3", Verdict.FineTune, gate: "fraud"),
            Check(RefB, "4", Verdict.FineTune));

        var churn = FineTuneStreak.Count(lines, new HistoryGate("churn", RefA));

        // Line 1 is churn's reference before it was named; line 2 is churn's after the pipeline replaced the reference.
        Assert.Equal([1L, 2], churn.Counted);
        Assert.Equal(2, churn.OtherGates);
        Assert.Equal([4L], FineTuneStreak.Count(lines, new HistoryGate(null, RefB)).Counted);
    }

    [Fact]
    public void Entries_that_name_no_gate_and_no_reference_count_for_every_gate()
    {
        var lines = Lines(Action(Verdict.FineTune), Action(Verdict.FineTune, reference: RefB), Action(Verdict.FineTune));

        Assert.Equal([1L, 3], FineTuneStreak.Count(lines, new HistoryGate(null, RefA)).Counted);
        Assert.Equal([1L, 2, 3], FineTuneStreak.Count(lines, new HistoryGate(null, RefB)).Counted);
        Assert.Equal([1L, 3], FineTuneStreak.Count(lines, new HistoryGate("churn", null)).Counted);
    }

    [Fact]
    public void An_old_history_file_without_gates_reads_and_counts_by_reference()
    {
        var path = _dir.Write("history.jsonl", string.Join('\n',
            $"{{\"kind\":\"check\",\"time\":\"2025-03-01T12:00:00+00:00\",\"verdict\":\"fine-tune\",\"reference\":{{\"path\":\"r.csv\",\"sha256\":\"{RefA}\"}},\"current\":{{\"path\":\"c.csv\",\"sha256\":\"{Current("1")}\"}},\"toolVersion\":\"0.1.0\"}}",
            $"{{\"kind\":\"check\",\"time\":\"2025-03-01T12:00:00+00:00\",\"verdict\":\"fine-tune\",\"reference\":{{\"path\":\"r.csv\",\"sha256\":\"{RefA}\"}},\"current\":{{\"path\":\"c.csv\",\"sha256\":\"{Current("1")}\"}},\"toolVersion\":\"0.1.0\"}}",
            $"{{\"kind\":\"check\",\"time\":\"2025-03-01T12:00:00+00:00\",\"verdict\":\"fine-tune\",\"reference\":{{\"path\":\"o.csv\",\"sha256\":\"{RefB}\"}},\"current\":{{\"path\":\"c.csv\",\"sha256\":\"{Current("2")}\"}},\"toolVersion\":\"0.1.0\"}}") + "\n");

        var read = new HistoryLog(path).Read();
        var streak = FineTuneStreak.Count(read.Lines, new HistoryGate(null, RefA));

        Assert.Empty(read.Problems);
        Assert.All(read.Entries, e => Assert.Null(e.Gate));
        Assert.Equal([1L], streak.Counted);
        Assert.Equal([2L], streak.Repeats);
        Assert.Equal((1, 1), (streak.FineTunes, streak.OtherGates));
    }

    [Fact]
    public void The_gate_and_the_reference_of_an_action_are_written_and_read_back()
    {
        var log = new HistoryLog(Path.Combine(_dir.Path, "h.jsonl"), new FixedClock(Time));

        log.AppendAction(Verdict.FineTune, "churn", new HistoryFile("r.csv", RefA));
        var entry = Assert.Single(log.Read().Entries);

        Assert.Contains("\"gate\":\"churn\",\"reference\":{\"path\":\"r.csv\"", File.ReadAllText(log.Path), StringComparison.Ordinal);
        Assert.Equal(("churn", RefA), (entry.Gate, entry.Reference!.Sha256));
    }

    [Fact]
    public void Record_follows_the_last_check_when_it_is_told_no_gate()
    {
        var log = new HistoryLog(Path.Combine(_dir.Path, "h.jsonl"), new FixedClock(Time));
        log.AppendCheck(Verdict.FineTune, new HistoryFile("a.csv", RefA), new HistoryFile("c.csv", Current("1")));
        log.AppendCheck(Verdict.FineTune, new HistoryFile("b.csv", RefB), new HistoryFile("c.csv", Current("1")));

        var (entry, streak, _, gate) = ActionRecorder.Record(log, Verdict.FineTune, gateName: null, referencePath: null);

        Assert.Equal(RefB, entry.Reference!.Sha256);
        Assert.Equal($"reference {RefB[..12]}", gate);
        Assert.Equal("actions", streak.CountedFrom);
        Assert.Equal([3L], streak.Counted);
    }

    private static string Current(string name) => name.PadLeft(64, 'c');

    private static HistoryLine[] Lines(params HistoryEntry[] entries) => entries.Select((e, i) => new HistoryLine(i + 1, e)).ToArray();

    private static HistoryEntry Check(string reference, string current, Verdict verdict, string? gate = null) => new()
    {
        Kind = HistoryEntryKind.Check,
        Time = Time,
        Verdict = verdict,
        Gate = gate,
        Reference = new HistoryFile("reference.csv", reference),
        Current = new HistoryFile("current.csv", Current(current)),
    };

    private static HistoryEntry Action(Verdict action, string? reference = null, string? current = null) => new()
    {
        Kind = HistoryEntryKind.Action,
        Time = Time,
        Action = action,
        Reference = reference is null ? null : new HistoryFile("reference.csv", reference),
        Current = current is null ? null : new HistoryFile("current.csv", Current(current)),
    };
}
