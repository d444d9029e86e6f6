using AdaptGate.Core.History;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>The check's view of the history file: how many fine-tunes piled up before it in its gate, and recording it afterwards.</summary>
internal sealed class CheckHistory
{
    private readonly HistoryLog _log;
    private readonly string? _gateName;
    private readonly HistoryFile? _reference;
    private readonly HistoryFile? _current;
    private readonly FineTuneStreak _streak;
    private readonly string? _gate;
    private readonly IReadOnlyList<string> _problems;

    private CheckHistory(HistoryLog log, string? gateName, HistoryFile? reference, HistoryFile? current, FineTuneStreak streak, string? gate, IReadOnlyList<string> problems)
    {
        _log = log;
        _gateName = gateName;
        _reference = reference;
        _current = current;
        _streak = streak;
        _gate = gate;
        _problems = problems;
    }

    public int FineTunesSinceLastRetrain => _streak.FineTunes;

    /// <param name="request">The check's request.</param>
    /// <param name="policy">The check's policy (its history path and gate).</param>
    /// <param name="referenceSha256">The reference's hash when it was taken while reading (a pipe cannot be read again); null hashes the file.</param>
    /// <param name="currentSha256">The same for the current file.</param>
    public static CheckHistory Open(CheckRequest request, GatePolicy policy, string? referenceSha256 = null, string? currentSha256 = null)
    {
        var log = new HistoryLog(request.HistoryPath ?? policy.History.Path, request.Clock);
        var read = log.Read();

        // A damaged line is reported and skipped, never rewritten: the history is an audit trail.
        var problems = read.Problems
            .Select(p => $"History file {log.Path}, line {p.Line}: {p.Message} (skipped).")
            .ToArray();

        // The hashes say which gate this is and whether these exact files were checked before; an
        // empty history needs them only to be recorded.
        HistoryFile? reference = null, current = null;
        if (read.Lines.Count > 0 || request.RecordHistory)
        {
            // Hash the two files at once: large files take a while, and there are two cores.
            var referenceHash = Task.Run(() => referenceSha256 ?? FileHash.Sha256(request.ReferencePath));
            var currentHash = currentSha256 ?? FileHash.Sha256(request.CurrentPath);
            reference = new HistoryFile(request.ReferencePath, referenceHash.GetAwaiter().GetResult());
            current = new HistoryFile(request.CurrentPath, currentHash);
        }

        var gate = new HistoryGate(policy.History.Gate, reference?.Sha256);
        var streak = FineTuneStreak.Count(read.Lines, gate, reference is null || current is null ? null : (reference.Sha256, current.Sha256));
        var described = policy.History.Gate is null && reference is null ? null : gate.Describe();
        return new CheckHistory(log, policy.History.Gate, reference, current, streak, described, problems);
    }

    /// <returns>The report with its history section (and any history warnings) filled in.</returns>
    public CheckReport Record(CheckReport report, CheckRequest request)
    {
        if (request.RecordHistory)
        {
            _log.AppendCheck(report.Verdict, _reference!, _current!, _gateName);
        }

        return report with
        {
            History = new HistorySection(_log.Path, FineTunesSinceLastRetrain, request.RecordHistory)
            {
                Gate = _gate,
                CountedFrom = _streak.CountedFrom,
                Counted = _streak.Counted,
                Repeats = _streak.Repeats,
                OtherGates = _streak.OtherGates,
            },
            Warnings = [.. report.Warnings, .. _problems],
        };
    }
}
