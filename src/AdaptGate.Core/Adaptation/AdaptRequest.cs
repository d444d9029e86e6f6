using AdaptGate.Core.Output;

namespace AdaptGate.Core.Adaptation;

/// <summary>Everything one <c>adaptgate adapt</c> needs, as the tool received it.</summary>
public sealed record AdaptRequest
{
    /// <summary>The model to adapt: a .zip saved with <c>MLContext.Model.Save</c>.</summary>
    public required string ModelPath { get; init; }

    /// <summary>The data the model was trained on.</summary>
    public required string ReferencePath { get; init; }

    /// <summary>The new labeled data.</summary>
    public required string CurrentPath { get; init; }

    /// <summary>The label column (null takes the policy's target.label).</summary>
    public string? LabelColumn { get; init; }

    /// <summary>A binary label's positive value when it is not 1, true, yes or positive (null takes the policy's target.positiveClass).</summary>
    public string? PositiveClass { get; init; }

    public AdaptAction Action { get; init; } = AdaptAction.Auto;

    /// <summary>Where the adapted model goes (written whole or not at all); null writes nothing.</summary>
    public string? OutputPath { get; init; }

    /// <summary>A training recipe (docs/adapt.md, "Recipes"): the retrain refits the whole pipeline from it. Null reuses the old featurizer.</summary>
    public string? RecipePath { get; init; }

    /// <summary>
    /// Reference rows mixed into a fine-tune, as a share of the current training rows (0.2: 200 reference
    /// rows with 1,000 current rows), capped at the reference rows available. 0 fine-tunes on current data only.
    /// </summary>
    public double Replay { get; init; } = 0.2;

    /// <summary>
    /// Labeled data like the current data but never trained on: when given, candidates are measured on
    /// it instead of a held-out slice of the current file, and the current file is trained on whole.
    /// </summary>
    public string? ValidationPath { get; init; }

    /// <summary>
    /// Labeled data like the reference that the original model was never trained on (its own validation
    /// set): when given, forgetting is measured on it, a baseline out of sample for the unchanged model
    /// too, and the reference file is trained on whole. Without it the held-out reference rows are rows
    /// the original model was trained on, so its score there is in-sample and the report says so.
    /// </summary>
    public string? ReferenceValidationPath { get; init; }

    /// <summary>Share of each file held out, never trained on, to measure every candidate on (0 measures nothing).</summary>
    public double Holdout { get; init; } = 0.2;

    /// <summary>How the held-out current rows are chosen: seeded random rows, or the last rows in file order.</summary>
    public HoldoutSplit Split { get; init; } = HoldoutSplit.Random;

    /// <summary>Share of the reference held out to measure forgetting on; null takes <see cref="Holdout"/>, 0 trains on the whole reference.</summary>
    public double? ReferenceHoldout { get; init; }

    /// <summary>Wall-clock budget of all training together; a candidate still running when it runs out is stopped and reported so.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>
    /// How close a cheaper candidate must come to the best to be recommended over it: the benchmark's
    /// oracle rule (docs/decisions.md). For scores (auc, accuracy) a difference in the metric's units;
    /// for errors (rmse, mae, mse, log-loss), which have no fixed scale, a share of the best value.
    /// Null takes <see cref="Recommendation.DefaultTolerance"/>: 0.01 for scores, 0.02 (2%) for errors.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>The policy file: its seed, primary metric and (for auto) its rules; null uses the defaults.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>Field separator for text files; null picks it from the extension.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The history file (auto's check reads and appends it; a written model is recorded as an action); null takes the policy's.</summary>
    public string? HistoryPath { get; init; }

    /// <summary>Append the check (auto) and the action carried out to the history.</summary>
    public bool RecordHistory { get; init; } = true;

    /// <summary>The files the caller writes from the result (the tool's --report): refused before any work when one is an input.</summary>
    public IReadOnlyList<FileRole> Outputs { get; init; } = [];

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
