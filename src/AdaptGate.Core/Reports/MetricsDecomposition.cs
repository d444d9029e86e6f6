namespace AdaptGate.Core.Reports;

/// <summary>
/// Why the primary metric changed, estimated from the model's own probabilities (confidence-based performance
/// estimation: docs/decisions.md, "Covariate or concept"). <c>Expected</c> is what the metric should be on the
/// current rows if the model's relation between inputs and outcome still held; <c>Covariate</c> = baseline −
/// expected is the part of the drop the change of inputs explains (the rows got harder or easier: adapting
/// recovers little of it); <c>Concept</c> = expected − realized is the part a changed concept explains (what
/// adapting can recover), null without current labels. Each part is in the drop's units (positive: worse) with
/// a 95% interval. <c>Calibration</c>: how the reference turned scores into probabilities (none, platt, isotonic:
/// the one with the lowest held-out calibration error). <c>SampleRows</c>: where the estimate used a seeded sample of the
/// reference, its rows (cbpe: the rows the calibration was chosen on; dle: the rows the loss model was fitted on); null otherwise.
/// </summary>
public sealed record MetricsDecomposition(
    string Method,
    string Metric,
    double Expected,
    Interval ExpectedInterval,
    PartOfDrop Covariate,
    PartOfDrop? Concept,
    string? Calibration,
    double? CalibrationErrorRaw,
    double? CalibrationErrorCalibrated,
    int ReferenceRows,
    int CurrentRows)
{
    public int? SampleRows { get; init; }
}

/// <summary>A part of the metric's drop (positive: worse) with its 95% interval.</summary>
public sealed record PartOfDrop(double Value, double Low, double High);

public sealed record Interval(double Low, double High);
