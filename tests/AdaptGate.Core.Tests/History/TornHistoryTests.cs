using AdaptGate.Core.Decision;
using AdaptGate.Core.History;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.History;

/// <summary>A history an earlier append left cut short (a crash, a full disk), and an append that fails itself.</summary>
public sealed class TornHistoryTests : IDisposable
{
    private const string Good = "{\"kind\":\"action\",\"time\":\"2025-03-01T12:00:00+00:00\",\"action\":\"retrain\"}";
    private const string Fragment = "{\"kind\":\"action\",\"time\":\"2025-03-01T12:3";
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_append_after_a_torn_last_line_starts_on_a_new_line()
    {
        var path = _dir.Write("history.jsonl", Good + "\n" + Fragment);
        var log = new HistoryLog(path, new FixedClock(Noon));

        log.AppendAction(Verdict.FineTune);
        log.AppendAction(Verdict.FineTune);
        var read = log.Read();

        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(Good, lines[0]);
        Assert.Equal(Fragment, lines[1]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(string.Empty, lines[4]);
        Assert.Equal([Verdict.Retrain, Verdict.FineTune, Verdict.FineTune], read.Entries.Select(e => e.Action!.Value));
        var problem = Assert.Single(read.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal(2, HistoryLog.FineTunesSinceLastRetrain(read.Entries));
    }

    [Fact]
    public void A_torn_line_in_the_middle_is_reported_and_the_good_lines_after_it_are_kept()
    {
        var path = _dir.Write("history.jsonl", Good + "\n" + Fragment + "\n" + Good.Replace("retrain", "fine-tune", StringComparison.Ordinal) + "\n");

        var read = new HistoryLog(path).Read();

        Assert.Equal(2L, Assert.Single(read.Problems).Line);
        Assert.Equal([Verdict.Retrain, Verdict.FineTune], read.Entries.Select(e => e.Action!.Value));
    }

    [Fact]
    public void A_file_that_ends_in_a_newline_gets_no_blank_line()
    {
        var path = _dir.Write("history.jsonl", Good + "\n");

        new HistoryLog(path, new FixedClock(Noon)).AppendAction(Verdict.Skip);

        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"kind\":\"action\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_append_is_cut_back_out_of_the_file()
    {
        var path = _dir.Write("history.jsonl", Good + "\n" + Fragment);
        var before = File.ReadAllBytes(path);
        var line = System.Text.Encoding.UTF8.GetBytes(Good + "\n");

        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        using (var full = new DiskFullAfter(file, bytes: 10))
        {
            var error = Assert.Throws<IOException>(() => LineAppend.Append(full, line));
            Assert.Equal("No space left on device", error.Message);
            Assert.Equal(10, full.Written);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        new HistoryLog(path).AppendAction(Verdict.FineTune);
        var read = new HistoryLog(path).Read();
        Assert.Equal([Verdict.Retrain, Verdict.FineTune], read.Entries.Select(e => e.Action!.Value));
        Assert.Equal(2L, Assert.Single(read.Problems).Line);
    }

    /// <summary>A real file whose disk fills up after a few bytes: the write lands partly, then fails, as write(2) does.</summary>
    private sealed class DiskFullAfter(FileStream file, int bytes) : Stream
    {
        public int Written { get; private set; }

        public override bool CanRead => file.CanRead;

        public override bool CanSeek => file.CanSeek;

        public override bool CanWrite => file.CanWrite;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => file.Position = value; }

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void SetLength(long value) => file.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = Math.Min(buffer.Length, bytes - Written);
            file.Write(buffer[..room]);
            file.Flush();
            Written += room;
            if (room < buffer.Length)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
