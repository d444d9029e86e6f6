namespace AdaptGate.Core.History;

/// <summary>A history line that could not be used, and why. The line stays in the file as it is.</summary>
/// <param name="Line">1-based line number in the history file.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record HistoryProblem(long Line, string Message);

/// <summary>The entries of a history file, in the order they were appended, and the lines that were skipped.</summary>
public sealed record HistoryReadResult(IReadOnlyList<HistoryEntry> Entries, IReadOnlyList<HistoryProblem> Problems);
