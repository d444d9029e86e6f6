namespace AdaptGate.Core.History;

/// <summary>
/// One gate's part of a history file that several checks share (every check in a folder appends to
/// .adaptgate/history.jsonl): the policy's <c>history.gate</c> name when it has one, otherwise the
/// content hash of the reference the model was trained on.
/// </summary>
/// <param name="Name">The policy's history.gate, or null.</param>
/// <param name="ReferenceSha256">SHA-256 of the reference file, or null when it is not known (`record` without --reference).</param>
public sealed record HistoryGate(string? Name, string? ReferenceSha256)
{
    /// <summary>
    /// A named entry belongs to the gate of that name only. An unnamed entry belongs to the gate whose
    /// reference it was made on, named or not (so naming a gate keeps the streak it had). An entry
    /// with neither a gate nor a reference (an action recorded without either, or written before
    /// gates existed) cannot be placed, and counts for every gate, as it did when the file was one history.
    /// </summary>
    public bool Includes(HistoryEntry entry) =>
        entry.Gate is { } gate
            ? string.Equals(gate, Name, StringComparison.Ordinal)
            : entry.Reference is not { } reference || string.Equals(reference.Sha256, ReferenceSha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>How reports name the gate: "gate 'churn'" or "reference 3f2a9c01b7d4".</summary>
    public string Describe() => Name is { } name ? $"gate '{name}'" : ReferenceSha256 is { } sha ? $"reference {sha[..Math.Min(12, sha.Length)]}" : "every gate";
}
