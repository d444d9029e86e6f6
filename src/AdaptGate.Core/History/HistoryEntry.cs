using System.Text.Json.Serialization;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.History;

/// <summary>What a history line records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HistoryEntryKind>))]
public enum HistoryEntryKind
{
    /// <summary>A check ran and advised a verdict.</summary>
    [JsonStringEnumMemberName("check")]
    Check,

    /// <summary>The pipeline did something to the model (`adaptgate record`).</summary>
    [JsonStringEnumMemberName("action")]
    Action,
}

/// <summary>A data file a check compared, by path and content.</summary>
public sealed record HistoryFile(string Path, string Sha256);

/// <summary>
/// One line of the history file. A check has a verdict and the two files it compared; an action has
/// the action the pipeline took. Both have the time (UTC), the version of the tool that wrote them,
/// and the gate they belong to (see <see cref="HistoryGate"/>).
/// </summary>
public sealed record HistoryEntry
{
    public required HistoryEntryKind Kind { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>The verdict a check advised (checks only).</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>What the pipeline did: fine-tune, retrain or skip (actions only).</summary>
    public Verdict? Action { get; init; }

    /// <summary>
    /// The policy's history.gate: which gate's streak the entry belongs to when one history file
    /// serves several. Null for an unnamed gate, whose entries are told apart by <see cref="Reference"/>.
    /// </summary>
    public string? Gate { get; init; }

    /// <summary>The reference compared (checks), or the reference of the model acted on (actions, when known).</summary>
    public HistoryFile? Reference { get; init; }

    /// <summary>The current data compared (checks), or adapted on (adapt's actions).</summary>
    public HistoryFile? Current { get; init; }

    public string? ToolVersion { get; init; }
}
