using System.Text.Json;
using AdaptGate.Core.Decision;
using AdaptGate.Core.History;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.History;

public sealed class HistoryLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string HistoryPath => Path.Combine(_dir.Path, ".adaptgate", "history.jsonl");

    [Fact]
    public void An_action_is_one_json_line_in_a_folder_created_for_it()
    {
        var log = new HistoryLog(HistoryPath, new FixedClock(Noon));

        var entry = log.AppendAction(Verdict.FineTune);

        var text = File.ReadAllText(HistoryPath);
        Assert.StartsWith("{\"kind\":\"action\",\"time\":\"2025-03-01T12:00:00+00:00\",\"action\":\"fine-tune\",\"toolVersion\":\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\"}\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HistoryEntryKind.Action, entry.Kind);
        Assert.Equal(Noon, entry.Time);
        Assert.False(string.IsNullOrEmpty(entry.ToolVersion));
    }

    [Fact]
    public void A_check_keeps_its_verdict_and_the_files_it_compared()
    {
        var log = new HistoryLog(HistoryPath, new FixedClock(Noon));
        var reference = new HistoryFile("data/ref.csv", new string('a', 64));
        var current = new HistoryFile("data/cur.csv", new string('b', 64));

        log.AppendCheck(Verdict.Retrain, reference, current);
        var read = log.Read();

        var entry = Assert.Single(read.Entries);
        Assert.Empty(read.Problems);
        Assert.Equal(HistoryEntryKind.Check, entry.Kind);
        Assert.Equal(Verdict.Retrain, entry.Verdict);
        Assert.Null(entry.Action);
        Assert.Equal(reference, entry.Reference);
        Assert.Equal(current, entry.Current);
        Assert.Equal(Noon, entry.Time);
    }

    [Fact]
    public void Times_are_written_in_utc()
    {
        var log = new HistoryLog(HistoryPath);

        log.Append(new HistoryEntry { Kind = HistoryEntryKind.Action, Time = new DateTimeOffset(2025, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)), Action = Verdict.Skip });

        Assert.Contains("\"time\":\"2025-03-01T12:00:00+00:00\"", File.ReadAllText(HistoryPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_empty_history()
    {
        var read = new HistoryLog(HistoryPath).Read();

        Assert.Empty(read.Entries);
        Assert.Empty(read.Problems);
        Assert.False(File.Exists(HistoryPath));
    }

    [Fact]
    public void Broken_lines_are_reported_by_number_skipped_and_left_in_place()
    {
        const string good = "{\"kind\":\"action\",\"time\":\"2025-03-01T12:00:00+00:00\",\"action\":\"retrain\"}";
        var text = string.Join('\n',
            good,
            "this is not json",
            "{\"kind\":\"check\",\"time\":\"2025-03-01T12:00:00Z\"}",
            "{\"time\":\"2025-03-01T12:00:00Z\",\"action\":\"skip\"}",
            "",
            "{\"kind\":\"action\",\"time\":\"2025-03-01T13:00:00Z\",\"action\":\"fine-tune\",\"addedLater\":1}",
            "{\"kind\":\"action\",\"time\":\"yesterday\",\"action\":\"fine-tune\"}",
            "{\"kind\":\"action\",\"time\":\"2025-03-01T13:00:00Z\",\"action\":\"finetune\"}") + "\n";
        var path = _dir.Write("history.jsonl", text);

        var read = new HistoryLog(path).Read();

        Assert.Equal([Verdict.Retrain, Verdict.FineTune], read.Entries.Select(e => e.Action!.Value));
        Assert.Equal([2L, 3, 4, 7, 8], read.Problems.Select(p => p.Line));
        Assert.StartsWith("Not a history entry:", read.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("A check entry without a verdict.", read.Problems[1].Message);
        Assert.Contains("kind", read.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Concurrent_appends_lose_nothing()
    {
        const int perThread = 200;
        var log = new HistoryLog(HistoryPath, new FixedClock(Noon));
        using var start = new Barrier(2);

        void Append(Verdict action)
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                log.AppendAction(action);
            }
        }

        var first = new Thread(() => Append(Verdict.FineTune));
        var second = new Thread(() => Append(Verdict.Retrain));
        first.Start();
        second.Start();
        first.Join();
        second.Join();

        var lines = File.ReadAllLines(HistoryPath);
        Assert.Equal(2 * perThread, lines.Length);
        Assert.All(lines, line => Assert.Equal("action", JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()));
        var read = log.Read();
        Assert.Empty(read.Problems);
        Assert.Equal(perThread, read.Entries.Count(e => e.Action == Verdict.FineTune));
        Assert.Equal(perThread, read.Entries.Count(e => e.Action == Verdict.Retrain));
    }
}
