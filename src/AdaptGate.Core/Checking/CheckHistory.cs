using AdaptGate.Core.History;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>The check's view of the history file: how many fine-tunes piled up before it, and recording it afterwards.</summary>
internal sealed class CheckHistory
{
    private readonly HistoryLog _log;
    private readonly IReadOnlyList<string> _problems;

    private CheckHistory(HistoryLog log, int fineTunes, IReadOnlyList<string> problems)
    {
        _log = log;
        FineTunesSinceLastRetrain = fineTunes;
        _problems = problems;
    }

    public int FineTunesSinceLastRetrain { get; }

    public static CheckHistory Open(CheckRequest request, GatePolicy policy)
    {
        var log = new HistoryLog(request.HistoryPath ?? policy.History.Path, request.Clock);
        var read = log.Read();

        // A damaged line is reported and skipped, never rewritten: the history is an audit trail.
        var problems = read.Problems
            .Select(p => $"History file {log.Path}, line {p.Line}: {p.Message} (skipped).")
            .ToArray();
        return new CheckHistory(log, HistoryLog.FineTunesSinceLastRetrain(read.Entries), problems);
    }

    /// <param name="report">The check's report.</param>
    /// <param name="request">The check's request.</param>
    /// <param name="referenceSha256">The reference's hash when it was taken while reading (a pipe cannot be read again); null hashes the file.</param>
    /// <param name="currentSha256">The same for the current file.</param>
    /// <returns>The report with its history section (and any history warnings) filled in.</returns>
    public CheckReport Record(CheckReport report, CheckRequest request, string? referenceSha256 = null, string? currentSha256 = null)
    {
        if (request.RecordHistory)
        {
            // The check is done and both cores are free: hash the two files at once (large files take a while).
            var referenceHash = Task.Run(() => referenceSha256 ?? FileHash.Sha256(request.ReferencePath));
            var currentHash = currentSha256 ?? FileHash.Sha256(request.CurrentPath);
            _log.AppendCheck(
                report.Verdict,
                new HistoryFile(request.ReferencePath, referenceHash.GetAwaiter().GetResult()),
                new HistoryFile(request.CurrentPath, currentHash));
        }

        return report with
        {
            History = new HistorySection(_log.Path, FineTunesSinceLastRetrain, request.RecordHistory),
            Warnings = [.. report.Warnings, .. _problems],
        };
    }
}
