using AdaptGate.Core.Decision;

namespace AdaptGate.Core.History;

/// <summary>Records what the pipeline did to a model, in the gate it belongs to, and counts that gate's streak.</summary>
public static class ActionRecorder
{
    /// <summary>
    /// Appends the action to its gate: the one named (the policy's history.gate), the one of the
    /// reference given, or else the gate of the last check in the history (a pipeline checks, acts,
    /// then records). With none of these the action names no gate and counts for every gate.
    /// </summary>
    /// <param name="log">The history to append to.</param>
    /// <param name="action">What the pipeline did.</param>
    /// <param name="gateName">The policy's history.gate, or null.</param>
    /// <param name="referencePath">The reference the model acted on was trained on (`record --reference`, adapt's reference), or null.</param>
    /// <returns>The entry written, its gate's streak after it, and the gate as reports name it.</returns>
    public static (HistoryEntry Entry, FineTuneStreak Streak, HistoryReadResult Read, string Gate) Record(HistoryLog log, Verdict action, string? gateName, string? referencePath)
    {
        var reference = referencePath is null ? null : new HistoryFile(referencePath, FileHash.Sha256(referencePath));
        if (gateName is null && reference is null && log.Read().Lines.LastOrDefault(l => l.Entry.Kind == HistoryEntryKind.Check) is { } check)
        {
            (gateName, reference) = (check.Entry.Gate, check.Entry.Reference);
        }

        var entry = log.AppendAction(action, gateName, reference);
        var read = log.Read();
        var gate = gateName is null && reference is null ? null : new HistoryGate(gateName, reference?.Sha256);
        return (entry, FineTuneStreak.Count(read.Lines, gate), read, gate?.Describe() ?? "every gate");
    }
}
