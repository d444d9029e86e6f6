using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Adaptation;

// The JSON report of `adaptgate adapt --format json`. The check report's contract is untouched: when
// `auto` runs a check, that check's report is embedded whole under "check".

/// <summary>The result of one adapt: what was done and what each candidate measured, plus the check that decided (auto).</summary>
public sealed record AdaptReport(string Version, AdaptationSection Adaptation, CheckReport? Check);

/// <summary>
/// <c>Performed</c> is what <c>Output</c> holds (skip: nothing was written, the model stays as it is);
/// <c>Completed</c> is false when the time budget stopped the training the action asked for.
/// <c>Recommended</c> is the cheapest candidate whose current-holdout metric is within
/// <c>Settings.Tolerance</c> of the best, or null when nothing was measured (<c>--holdout 0</c>).
/// </summary>
public sealed record AdaptationSection(
    AdaptAction Action,
    Verdict Performed,
    bool Completed,
    string Reason,
    ModelSection Model,
    string Primary,
    AdaptSettings Settings,
    SplitRows Rows,
    IReadOnlyList<CandidateResult> Candidates,
    Verdict? Recommended,
    string? Output,
    IReadOnlyList<RemovedFeature> RemovedFeatures,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// What forgetting was measured against: "in-sample" when the unchanged model's reference score is on
    /// held-out reference rows it was trained on (optimistic), "out-of-sample" on --reference-validation
    /// rows it never saw; null when nothing was measured.
    /// </summary>
    public string? ForgettingBaseline { get; init; }

    /// <summary>How the retrain candidate was built: from a recipe (the whole pipeline refitted) or around the old featurizer.</summary>
    public RetrainSection? Retrain { get; init; }
}

/// <summary>
/// <c>Featurizer</c>: "refitted" (the recipe's whole chain fitted from scratch on the window) or "reused" (the old
/// model's fitted featurizer kept, only the predictor trained anew). <c>Recipe</c>: the recipe file, null without one.
/// <c>Trainer</c>: the retrain's trainer. <c>DroppedColumns</c>: recipe columns the current data no longer has, left
/// out of the retrain. <c>UpdatedRecipe</c>: where the recipe without them was written, beside the output model.
/// </summary>
public sealed record RetrainSection(string Window, string Featurizer, string? Recipe, string Trainer, IReadOnlyList<string> DroppedColumns, string? UpdatedRecipe);

/// <summary>
/// The model adapted: its task, the trainer family read off the predictor's parameters (see
/// docs/adapt.md), the column the predictor reads, and whether it can fine-tune (tree ensembles cannot).
/// </summary>
public sealed record ModelSection(string Path, string Task, string Trainer, string FeatureColumn, bool CanFineTune);

/// <summary>
/// <c>Tolerance</c> is the one the recommendation used; <c>ToleranceKind</c> says how: "absolute" (in
/// the primary metric's units, for scores) or "relative" (a share of the best value, for errors).
/// </summary>
public sealed record AdaptSettings(double Replay, double Holdout, double Tolerance, int Seed, double? BudgetSeconds)
{
    public string ToleranceKind { get; init; } = "absolute";

    /// <summary>How the held-out current rows were chosen: random (seeded) or time (the last rows in file order).</summary>
    public HoldoutSplit Split { get; init; } = HoldoutSplit.Random;

    /// <summary>Share of the reference held out to measure forgetting on (the holdout's unless set apart).</summary>
    public double ReferenceHoldout { get; init; } = 0.2;
}

/// <summary>Labeled rows of each file used to train (train) and kept aside to measure on (holdout).</summary>
public sealed record SplitRows(int ReferenceTrain, int ReferenceHoldout, int CurrentTrain, int CurrentHoldout);

/// <summary>
/// One candidate model. <c>Current</c>: the primary metric on the held-out current rows (the benefit);
/// <c>Reference</c>: on the held-out reference rows; <c>Forgetting</c>: how much worse than the unchanged
/// model on those reference rows (positive: it forgot). <c>Seconds</c> is wall time, which varies from run
/// to run. <c>Status</c>: unchanged (skip), trained, stopped (the budget ran out), not-run.
/// </summary>
public sealed record CandidateResult(
    Verdict Action,
    string Status,
    int ReferenceRows,
    int CurrentRows,
    double? Current,
    double? Reference,
    double? Forgetting,
    double? Seconds,
    string? Note)
{
    /// <summary>compare only: how far <c>Current</c> falls short of the best candidate's (in the tolerance's units; 0 for the best), with its paired bootstrap interval.</summary>
    public double? Shortfall { get; init; }

    public double? ShortfallLow { get; init; }

    public double? ShortfallHigh { get; init; }
}
