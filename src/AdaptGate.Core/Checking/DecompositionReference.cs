using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Profiles;

namespace AdaptGate.Core.Checking;

/// <summary>
/// The reference's half of the covariate/concept split: the confidence-based estimator fitted on its scores and labels,
/// and per metric its value and bootstrap standard error on the reference's own stream (<see cref="RowBootstrap.ReferenceStream"/>).
/// Fitted from a data file's rows, or read back from a profile, which stores it for every metric the estimate supports.
/// The calibration is chosen on <see cref="CalibrationSample"/>'s rows (<c>SampleRows</c> of <c>Rows</c>, null for all) and fitted, as the metrics are computed, on every row.
/// </summary>
internal sealed record DecompositionReference(ConfidenceBasedEstimator Estimator, int Rows, int? SampleRows, int Seed, IReadOnlyDictionary<string, (double Baseline, double Error)> Metrics)
{
    public static readonly string[] SupportedMetrics = [MetricNames.Auc, MetricNames.Accuracy, MetricNames.Precision, MetricNames.Recall, MetricNames.F1];

    /// <returns>Null when the reference lacks a probability or a prediction, or has one class only.</returns>
    public static DecompositionReference? Fit(CheckSettings settings, DataTable reference, IReadOnlyList<string> metrics)
    {
        var rows = PerformanceDecomposer.Rows(reference, settings.Label!, settings.Prediction!, settings.Probability!, settings.PositiveClass, requireLabel: true);
        if (rows is not { Label: { } labels } || labels.Distinct().Count() < 2)
        {
            return null;
        }

        var (estimator, sampleRows) = CalibrationSample.Fit(rows.Value.Score, labels, settings.Policy.Seed);
        var baselineRows = new WeightedBinaryRows(rows.Value.Score, rows.Value.Predicted, [.. labels.Select(l => l ? 1.0 : 0.0)]);
        // Stratified by label, as the metrics' own bootstrap is: every replicate keeps both classes.
        var bootstrap = new RowBootstrap(settings.Policy.Seed, RowBootstrap.ReferenceStream, baselineRows.Count, [.. baselineRows.Positive.Select(p => (int)p)], 2);
        var replicates = metrics.ToDictionary(m => m, _ => new double[RowBootstrap.Replicates]);
        for (var b = 0; b < RowBootstrap.Replicates; b++)
        {
            var draw = bootstrap.Draw(b);
            foreach (var metric in metrics)
            {
                replicates[metric][b] = baselineRows.Metric(metric, draw);
            }
        }

        var scale = bootstrap.Scale;
        return new DecompositionReference(
            estimator,
            baselineRows.Count,
            sampleRows,
            settings.Policy.Seed,
            metrics.ToDictionary(m => m, m => (baselineRows.Metric(m), RowBootstrap.StandardError(replicates[m], scale))));
    }

    public ProfileDecomposition ToProfile() => new(
        Seed,
        Estimator.Calibration,
        Estimator.Fitted.Parameters,
        Estimator.Fitted.Values,
        Estimator.RawCalibrationError,
        Estimator.CalibratedCalibrationError,
        Rows,
        [.. Metrics.Select(m => new ProfileDecompositionMetric(m.Key, m.Value.Baseline, m.Value.Error))])
    {
        SampleRows = SampleRows,
    };

    /// <exception cref="InputException">The profile's resamples were drawn with another seed than the policy's.</exception>
    public static DecompositionReference FromProfile(ProfileDecomposition stored, int seed, string path)
    {
        if (stored.Seed != seed)
        {
            throw new InputException(
                $"The profile's decomposition resamples were drawn with seed {stored.Seed}, but the policy's seed is {seed}.",
                path,
                hint: "Make the profile again with the check's policy ('adaptgate profile DATA --policy adaptgate.json ... --output FILE.agprofile').");
        }

        var estimator = ConfidenceBasedEstimator.Restore(stored.Calibration, stored.Parameters, stored.Values, stored.RawCalibrationError, stored.CalibratedCalibrationError);
        return new DecompositionReference(estimator, stored.Rows, stored.SampleRows, stored.Seed, stored.Metrics.ToDictionary(m => m.Name, m => (m.Baseline, m.StandardError)));
    }
}
