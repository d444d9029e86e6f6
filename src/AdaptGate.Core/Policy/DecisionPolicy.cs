using System.Text.Json.Serialization;

namespace AdaptGate.Core.Policy;

/// <summary>
/// How the verdict is reached when the model is at hand: by rules on the measurements alone, or by a
/// trial that carries out skip, fine-tune and retrain on the current rows and measures what each gains
/// (docs/decisions.md has the evidence for the defaults).
/// </summary>
public sealed record DecisionPolicy
{
    public TrialMode Trial { get; init; } = TrialMode.Auto;

    /// <summary>Wall-clock seconds the trial's training may take in auto mode; a trial still training then is stopped and the rules decide.</summary>
    public double TrialBudgetSeconds { get; init; } = 120;

    /// <summary>The last share of the current rows (in file order) the trial scores on; it adapts on the rows before them.</summary>
    public double TrialShare { get; init; } = 0.4;

    /// <summary>
    /// Into how many blocks, in file order, the scored share is cut: each block is scored by the actions adapted
    /// on every row before it (a rolling-origin backtest), and the blocks are pooled. 1: one split.
    /// </summary>
    public int TrialFolds { get; init; } = 1;

    /// <summary>
    /// When a cheaper action's shortfall from the best rules it out: lower-bound-past-threshold (its paired interval's
    /// lower end is past minGain: surely short), interval (past minGain and its interval above zero), point (the
    /// point value alone). The same rule picks <c>adapt --action compare</c>'s recommendation.
    /// </summary>
    public MetricCredibility Credibility { get; init; } = MetricCredibility.LowerBoundPastThreshold;

    /// <summary>More blocks than this would each score too few rows to tell the actions apart.</summary>
    public const int MaxTrialFolds = 5;

    /// <summary>
    /// How much better than a cheaper action a costlier one must measure to be chosen: in a score's units
    /// (0.01 auc), or a share of an error's best value (0.02: 2% of the best rmse). Null: 0.01 for scores, 0.02 for errors.
    /// </summary>
    public double? MinGain { get; init; }
}

/// <summary>When the check runs its trial.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrialMode>))]
public enum TrialMode
{
    /// <summary>Never: the rules decide.</summary>
    [JsonStringEnumMemberName("off")]
    Off,

    /// <summary>With a model and labeled current rows, within the time budget.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>With a model and labeled current rows, however long it takes.</summary>
    [JsonStringEnumMemberName("on")]
    On,
}
