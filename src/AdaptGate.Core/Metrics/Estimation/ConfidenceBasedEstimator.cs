namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Confidence-based performance estimation (as NannyML's CBPE): fitted once on the reference (its scores and
/// labels), then asked what the model's metrics should be on any other rows from their scores and predicted
/// classes alone. Under covariate shift (inputs move, the outcome given the inputs does not) the estimate
/// follows the realized metric; where the realized metric falls short of it, the concept changed.
/// The reference's scores should be predictions on rows the model did not train on (validation or out-of-fold),
/// or the calibration learns the model's optimism.
/// </summary>
internal sealed class ConfidenceBasedEstimator
{
    private const int CalibrationFolds = 5;


    private readonly Func<ReadOnlySpan<double>, double[]>? _calibrate;

    private readonly CalibratorFit? _fit;

    private ConfidenceBasedEstimator(string calibration, Func<ReadOnlySpan<double>, double[]>? calibrate, double rawError, double calibratedError, CalibratorFit? fit = null)
    {
        Calibration = calibration;
        _calibrate = calibrate;
        _fit = fit;
        RawCalibrationError = rawError;
        CalibratedCalibrationError = calibratedError;
    }

    /// <summary>"none", "platt" or "isotonic": what turns the scores into probabilities.</summary>
    public string Calibration { get; }

    public bool Calibrated => _calibrate is not null;

    /// <summary>The scores' calibration error on the reference (infinite when they are not probabilities).</summary>
    public double RawCalibrationError { get; }

    /// <summary>The chosen calibration's binned error over held-out folds of the reference (the raw error when none is chosen).</summary>
    public double CalibratedCalibrationError { get; }

    /// <summary>
    /// Fits the calibration on the reference and keeps it only when it helps, as NannyML decides whether to
    /// calibrate: Platt scaling and an isotonic fit are each scored over contiguous folds (each fold calibrated by
    /// the others), and each is chosen only when its held-out Brier score beats the simpler choice before it (the
    /// raw scores, then Platt). Brier rather than the binned calibration error decides because it is a proper
    /// score: honest probabilities win it on average, while an isotonic fit's flat steps win a binned error by
    /// noise. Scores outside [0, 1] are not probabilities and are always calibrated.
    /// </summary>
    public static ConfidenceBasedEstimator Fit(ReadOnlySpan<double> score, ReadOnlySpan<bool> label) => Choose(score, label).FittedOn(score, label);

    /// <summary>
    /// The calibration <see cref="Fit"/> would choose on these rows and its errors, not yet fitted on the rows it will
    /// read scores for: <see cref="FittedOn"/> fits it (on these rows, or on every row of which these are a sample).
    /// </summary>
    public static ConfidenceBasedEstimator Choose(ReadOnlySpan<double> score, ReadOnlySpan<bool> label)
    {
        var outcome = Outcomes(label);

        var probabilities = true;
        foreach (var s in score)
        {
            probabilities &= s is >= 0 and <= 1;
        }

        var rawError = probabilities ? CalibrationError.Compute(score, outcome) : double.PositiveInfinity;
        var (scores, outcomes) = (score.ToArray(), outcome);
        var chosen = new ConfidenceBasedEstimator("none", null, rawError, rawError);
        var chosenBrier = probabilities ? CalibrationError.Brier(score, outcome) : double.PositiveInfinity;
        foreach (var (name, fit) in new (string, CalibratorFit)[]
        {
            ("platt", (x, y) => PlattCalibration.Fit(x, y).Apply),
            ("isotonic", (x, y) => IsotonicCalibration.Fit(x, y).Apply),
        })
        {
            var heldOut = OutOfFold(scores, outcomes, fit);
            var brier = CalibrationError.Brier(heldOut, outcomes);
            if (brier < chosenBrier)
            {
                chosen = new ConfidenceBasedEstimator(name, null, rawError, CalibrationError.Compute(heldOut, outcomes), fit);
                chosenBrier = brier;
            }
        }

        return chosen;
    }

    /// <summary>The chosen calibration fitted on <paramref name="score"/> and <paramref name="label"/>, kept as its parameters so a profile can carry it; the errors stay the choice's.</summary>
    public ConfidenceBasedEstimator FittedOn(ReadOnlySpan<double> score, ReadOnlySpan<bool> label) => Calibration switch
    {
        "platt" => With(PlattCalibration.Fit(score, Outcomes(label))),
        "isotonic" => With(IsotonicCalibration.Fit(score, Outcomes(label))),
        _ => this,
    };

    private static double[] Outcomes(ReadOnlySpan<bool> label)
    {
        var outcome = new double[label.Length];
        for (var i = 0; i < label.Length; i++)
        {
            outcome[i] = label[i] ? 1 : 0;
        }

        return outcome;
    }

    /// <summary>The fitted calibration's parameters: Platt's [a, b], an isotonic fit's kept scores and values; empty for none.</summary>
    public (double[] Parameters, double[]? Values) Fitted { get; private init; } = ([], null);

    /// <summary>
    /// The estimator a profile stored (<see cref="Fitted"/>, its calibration and errors): it reads scores as the fitted one
    /// does; <see cref="Refit"/> is not available on it (that needs the reference's rows).
    /// </summary>
    public static ConfidenceBasedEstimator Restore(string calibration, double[] parameters, double[]? values, double rawError, double calibratedError)
    {
        var none = new ConfidenceBasedEstimator("none", null, rawError, calibratedError);
        return calibration switch
        {
            "platt" => none.With(PlattCalibration.Restore(parameters[0], parameters[1]), "platt"),
            "isotonic" => none.With(IsotonicCalibration.Restore(parameters, values!), "isotonic"),
            "none" => none,
            _ => throw new InvalidDataException($"Unknown calibration '{calibration}'."),
        };
    }

    private ConfidenceBasedEstimator With(PlattCalibration platt, string? calibration = null) =>
        new(calibration ?? Calibration, platt.Apply, RawCalibrationError, CalibratedCalibrationError, _fit) { Fitted = ([platt.Parameters.A, platt.Parameters.B], null) };

    private ConfidenceBasedEstimator With(IsotonicCalibration isotonic, string? calibration = null) =>
        new(calibration ?? Calibration, isotonic.Apply, RawCalibrationError, CalibratedCalibrationError, _fit) { Fitted = isotonic.Points };

    /// <summary>The probability that each row is positive, as the reference's calibration reads its score.</summary>
    public double[] Probabilities(ReadOnlySpan<double> score) => _calibrate is { } calibrate ? calibrate(score) : score.ToArray();

    /// <summary>
    /// The chosen calibration fitted again on other reference rows (a bootstrap resample), without choosing again:
    /// how much the estimate moves with the reference's own sampling. Uncalibrated scores do not move.
    /// </summary>
    public Func<ReadOnlySpan<double>, double[]> Refit(double[] score, double[] outcome) =>
        _fit is { } fit ? fit(score, outcome) : s => s.ToArray();

    private delegate Func<ReadOnlySpan<double>, double[]> CalibratorFit(double[] score, double[] outcome);

    private static double[] OutOfFold(ReadOnlySpan<double> score, double[] outcome, CalibratorFit fit)
    {
        var n = score.Length;
        var result = new double[n];
        for (var fold = 0; fold < CalibrationFolds; fold++)
        {
            var (from, to) = (fold * n / CalibrationFolds, (fold + 1) * n / CalibrationFolds);
            var trainScore = new double[n - (to - from)];
            var trainOutcome = new double[trainScore.Length];
            var k = 0;
            for (var i = 0; i < n; i++)
            {
                if (i < from || i >= to)
                {
                    trainScore[k] = score[i];
                    trainOutcome[k++] = outcome[i];
                }
            }

            fit(trainScore, trainOutcome)(score[from..to]).CopyTo(result, from);
        }

        return result;
    }

    /// <param name="score">The model's scores on the rows.</param>
    /// <param name="predicted">The class the model predicted for each row.</param>
    public BinaryEstimate Estimate(ReadOnlySpan<double> score, ReadOnlySpan<bool> predicted)
    {
        var rows = new WeightedBinaryRows(score.ToArray(), predicted.ToArray(), Probabilities(score));
        return new BinaryEstimate(
            rows.Metric(MetricNames.Auc), rows.Metric(MetricNames.Accuracy), rows.Metric(MetricNames.Precision),
            rows.Metric(MetricNames.Recall), rows.Metric(MetricNames.F1),
            Calibration, RawCalibrationError, CalibratedCalibrationError);
    }
}
