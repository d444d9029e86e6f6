namespace AdaptGate.Core.Profiles;

// What a check reads from the reference's rows, made once when the profile is (docs/profiles.md, "What travels").

/// <summary>
/// The roles a profile was made with (as <c>check</c> takes them) and what they give a check against it: the task, the
/// class counts of the label and the predictions, and the baseline metrics of the stored predictions. <c>Task</c> is
/// binary, multiclass or regression (given, or inferred from the label as a check infers it); <c>Classes</c>, for
/// classification only, the label and the prediction as categories; <c>Baseline</c> is null without a label and a prediction.
/// </summary>
public sealed record ProfileRoles(
    string? Label,
    string? Prediction,
    string? Probability,
    string? PositiveClass,
    string? Task,
    IReadOnlyList<ProfileColumn> Classes,
    ProfileBaseline? Baseline)
{
    /// <summary>The reference's half of the covariate/concept split; null unless binary with a label, a prediction and a probability.</summary>
    public ProfileDecomposition? Decomposition { get; init; }
}

/// <summary>The stored predictions' metrics on the reference, in the order a check lists them, over <c>Rows</c> rows (label, prediction and probability present), and their bootstrap.</summary>
public sealed record ProfileBaseline(string Task, int Rows, IReadOnlyList<ProfileMetric> Values, ProfileReplicates? Replicates);

public sealed record ProfileMetric(string Name, double Value);

/// <summary>
/// The reference's side of every metric interval, drawn as a check draws it (stream 1 of <see cref="Seed"/>): a check with
/// the same seed and resamples pairs these with its current file's, and gets the intervals a check of the raw file gets.
/// <c>Point</c> is the metrics by the resampling kernel on the rows as they are (what the replicates centre on),
/// <c>AucVariance</c> DeLong's variance of the auc (null without a probability).
/// </summary>
public sealed record ProfileReplicates(int Seed, int Resamples, int Rows, IReadOnlyList<ProfileMetric> Point, IReadOnlyList<ProfileMetricReplicates> Values, double? AucVariance);

public sealed record ProfileMetricReplicates(string Name, double[] Replicates);

/// <summary>
/// The reference's half of the covariate/concept split (binary with a probability): the calibration the estimate fitted
/// (<c>Calibration</c> none, platt or isotonic; Platt's <c>Parameters</c> [a, b], or an isotonic fit's kept scores in
/// <c>Parameters</c> and fitted values in <c>Values</c>), its errors, and per metric the baseline and its bootstrap
/// standard error drawn with <c>Seed</c>. <c>SampleRows</c>: above 200,000 <c>Rows</c>, the seeded sample of them the
/// calibration was chosen on (fitted then on every row); null when it was chosen on all of them, as in older profiles.
/// </summary>
public sealed record ProfileDecomposition(
    int Seed,
    string Calibration,
    double[] Parameters,
    double[]? Values,
    double RawCalibrationError,
    double CalibratedCalibrationError,
    int Rows,
    IReadOnlyList<ProfileDecompositionMetric> Metrics)
{
    public int? SampleRows { get; init; }
}

public sealed record ProfileDecompositionMetric(string Name, double Baseline, double StandardError);
