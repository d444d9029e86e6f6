using AdaptGate.Core.Decision;

namespace AdaptGate.Core.History;

/// <summary>
/// The fine-tunes since the last retrain of one gate, and the history lines they were counted from.
/// </summary>
/// <param name="FineTunes">How many.</param>
/// <param name="CountedFrom">"actions" (what `record` and `adapt` noted the pipeline did) or "checks" (the verdicts, when the gate has no actions).</param>
/// <param name="Counted">The lines of the fine-tunes counted, in file order.</param>
/// <param name="Repeats">Lines since the last retrain of entries on the same pair of files as an earlier entry, or as the check counting: counted once, or not at all.</param>
/// <param name="OtherGates">Entries left out because they belong to another gate.</param>
public sealed record FineTuneStreak(int FineTunes, string CountedFrom, IReadOnlyList<long> Counted, IReadOnlyList<long> Repeats, int OtherGates)
{
    /// <summary>
    /// Counts one gate's fine-tunes since its last retrain, in file order. Actions are the truth when
    /// the gate has any; a pipeline that never records actions gets a count from its checks'
    /// verdicts, on the assumption that it followed them. Either way an entry on a pair of files
    /// (reference and current, by content hash) counts once: a retried CI job or a second build
    /// checks (or adapts on) the same data again, and did not fine-tune twice. A skip neither counts nor resets.
    /// </summary>
    /// <param name="lines">The history's readable entries.</param>
    /// <param name="gate">The gate to count for; null counts every entry.</param>
    /// <param name="files">The hashes of the files the counting check compares: earlier checks of those same files are this check, and do not count towards its own streak.</param>
    public static FineTuneStreak Count(IEnumerable<HistoryLine> lines, HistoryGate? gate = null, (string Reference, string Current)? files = null)
    {
        var mine = new List<HistoryLine>();
        var others = 0;
        foreach (var line in lines)
        {
            if (gate is null || gate.Includes(line.Entry))
            {
                mine.Add(line);
            }
            else
            {
                others++;
            }
        }

        var actions = mine.Where(l => l.Entry.Kind == HistoryEntryKind.Action && l.Entry.Action is not null).ToArray();
        var counting = actions.Length > 0
            ? actions.Select(l => (Line: l, Step: l.Entry.Action!.Value))
            : mine.Where(l => l.Entry.Kind == HistoryEntryKind.Check && l.Entry.Verdict is not null).Select(l => (Line: l, Step: l.Entry.Verdict!.Value));

        // An entry that names both files (every check; adapt's actions) is keyed by their hashes: `record`
        // names at most the reference, and each of its actions counts.
        var seen = new HashSet<(string, string)>();
        if (files is { } checking)
        {
            seen.Add(Key(checking.Reference, checking.Current));
        }

        var steps = new List<(long Line, Verdict Step)>();
        var repeats = new List<long>();
        foreach (var (line, step) in counting)
        {
            if (line.Entry is { Reference: { } reference, Current: { } current } && !seen.Add(Key(reference.Sha256, current.Sha256)))
            {
                repeats.Add(line.Number);
                continue;
            }

            steps.Add((line.Number, step));
        }

        var counted = new List<long>();
        long lastRetrain = 0;
        foreach (var (number, step) in steps)
        {
            if (step == Verdict.Retrain)
            {
                counted.Clear();
                lastRetrain = number;
            }
            else if (step == Verdict.FineTune)
            {
                counted.Add(number);
            }
        }

        return new FineTuneStreak(counted.Count, actions.Length > 0 ? "actions" : "checks", counted, repeats.Where(r => r > lastRetrain).ToArray(), others);
    }

    private static (string, string) Key(string reference, string current) => (reference.ToLowerInvariant(), current.ToLowerInvariant());
}
