namespace AdaptGate.Core.History;

/// <summary>A history line that could not be used, and why. The line stays in the file as it is.</summary>
/// <param name="Line">1-based line number in the history file.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record HistoryProblem(long Line, string Message);

/// <summary>A readable entry and the 1-based line it is on, so reports can point at it.</summary>
public sealed record HistoryLine(long Number, HistoryEntry Entry);

/// <summary>The entries of a history file, in the order they were appended, and the lines that were skipped.</summary>
public sealed record HistoryReadResult(IReadOnlyList<HistoryLine> Lines, IReadOnlyList<HistoryProblem> Problems)
{
    public IReadOnlyList<HistoryEntry> Entries => Lines.Select(l => l.Entry).ToArray();
}
