using System.Text;
using System.Text.Json;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.History;

/// <summary>
/// The history file (JSON lines): what each check advised and what the pipeline then did. Appends
/// never lose or interleave an entry, even with several writers (threads or processes); reading
/// skips and reports broken lines and never rewrites the file.
/// </summary>
public sealed class HistoryLog
{
    private readonly TimeProvider _time;

    /// <param name="path">The history file (GatePolicy.History.Path by default); its folder is created on the first append.</param>
    /// <param name="time">The clock that stamps new entries; <see cref="TimeProvider.System"/> when null.</param>
    public HistoryLog(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _time = time ?? TimeProvider.System;
    }

    public string Path { get; }

    /// <summary>Appends what the pipeline did to the model, stamped now.</summary>
    /// <param name="action">Fine-tune, retrain or skip.</param>
    /// <param name="gate">The policy's history.gate, or null.</param>
    /// <param name="reference">The reference of the model acted on, when known: it places the action in its gate.</param>
    /// <param name="current">The data it was adapted on (adapt), when known: the same action on the same files counts once.</param>
    public HistoryEntry AppendAction(Verdict action, string? gate = null, HistoryFile? reference = null, HistoryFile? current = null) => Append(new HistoryEntry
    {
        Kind = HistoryEntryKind.Action,
        Time = _time.GetUtcNow(),
        Action = action,
        Gate = gate,
        Reference = reference,
        Current = current,
        ToolVersion = ReportVersion.Current,
    });

    /// <summary>Appends a check's verdict and the files it compared, stamped now.</summary>
    public HistoryEntry AppendCheck(Verdict verdict, HistoryFile reference, HistoryFile current, string? gate = null) => Append(new HistoryEntry
    {
        Kind = HistoryEntryKind.Check,
        Time = _time.GetUtcNow(),
        Verdict = verdict,
        Gate = gate,
        Reference = reference,
        Current = current,
        ToolVersion = ReportVersion.Current,
    });

    /// <summary>
    /// Appends one line: built whole, then written in one unbuffered write and flushed while this
    /// writer holds the file alone (see <see cref="FileLockRetry"/>: .NET's append mode alone loses
    /// lines under concurrency), so every line lands whole at the end, whatever other writers do.
    /// It starts on a new line after a fragment an interrupted append left, and a failed append is
    /// cut back out (see <see cref="LineAppend"/>).
    /// </summary>
    public HistoryEntry Append(HistoryEntry entry)
    {
        var utc = entry with { Time = entry.Time.ToUniversalTime() };
        var line = JsonSerializer.SerializeToUtf8Bytes(utc, HistoryJsonContext.Default.HistoryEntry);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';

        try
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // Read and write, not FileMode.Append: the append looks at the last byte and may cut the file back (see LineAppend).
            using var stream = FileLockRetry.Open(Path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 0,
            });
            LineAppend.Append(stream, bytes);
        }
        // .NET reports EFBIG (a file size limit reached mid-write) as ArgumentOutOfRangeException.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            var why = e is ArgumentOutOfRangeException ? "the file system refused to make it larger (a file size limit, or a full disk)." : e.Message;
            throw new InputException($"Cannot append to the history file: {why}", Path, hint: "Check that the folder is writable and its disk has room, or set history.path in the policy.", inner: e);
        }

        return utc;
    }

    /// <summary>Every readable entry in file order; a missing file is an empty history.</summary>
    public HistoryReadResult Read()
    {
        var entries = new List<HistoryLine>();
        var problems = new List<HistoryProblem>();
        if (!File.Exists(Path))
        {
            return new HistoryReadResult(entries, problems);
        }

        try
        {
            // Shared with other readers; waits while a writer appends, so no half-written line is read.
            using var stream = FileLockRetry.Open(Path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
            });
            using var reader = new StreamReader(stream, Encoding.UTF8);
            long number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (Parse(line, out var problem) is { } entry)
                {
                    entries.Add(new HistoryLine(number, entry));
                }
                else
                {
                    problems.Add(new HistoryProblem(number, problem!));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the history file: {e.Message}", Path, hint: "Check that the file is readable.", inner: e);
        }

        return new HistoryReadResult(entries, problems);
    }

    /// <summary>
    /// Fine-tunes since the last retrain over every entry given, whatever its gate: see
    /// <see cref="FineTuneStreak.Count"/> for the rules and for one gate's count.
    /// </summary>
    public static int FineTunesSinceLastRetrain(IEnumerable<HistoryEntry> entries) =>
        FineTuneStreak.Count(entries.Select((e, i) => new HistoryLine(i + 1, e))).FineTunes;

    private static HistoryEntry? Parse(string line, out string? problem)
    {
        HistoryEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(line, HistoryJsonContext.Default.HistoryEntry);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            problem = "Not a history entry: " + (cut >= 0 ? message[..cut] : message);
            return null;
        }

        problem = entry switch
        {
            null => "Not a history entry: the line is JSON null.",
            { Kind: HistoryEntryKind.Check, Verdict: null } => "A check entry without a verdict.",
            { Kind: HistoryEntryKind.Action, Action: null } => "An action entry without an action.",
            _ => null,
        };
        return problem is null ? entry : null;
    }
}
