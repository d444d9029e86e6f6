namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// What a binary classifier's metrics should be on a set of rows if its relation between inputs and outcome still
/// held: each row is a positive with its calibrated probability. <c>Calibration</c> says which calibration of the
/// reference was used ("none", "platt", "isotonic"): the one whose held-out calibration error
/// (<c>CalibratedCalibrationError</c>) was lowest, the raw scores' being <c>RawCalibrationError</c>.
/// </summary>
internal sealed record BinaryEstimate(
    double Auc, double Accuracy, double Precision, double Recall, double F1,
    string Calibration, double RawCalibrationError, double CalibratedCalibrationError);
