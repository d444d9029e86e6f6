using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Splits a binary model's change of metric into a covariate part and a concept part from the probabilities both
/// files store (docs/decisions.md, "Covariate or concept"): the reference's probabilities and labels fit the
/// confidence-based estimator, which says what the metric should be on the current rows.
/// </summary>
internal static class PerformanceDecomposer
{
    /// <returns>Null when the inputs do not allow it: not binary, no probability column, a primary metric the estimate does not cover, or one class only in the reference.</returns>
    public static MetricsDecomposition? Decompose(CheckSettings settings, DataTable reference, DataTable current, MetricsSection metrics) =>
        Applies(settings, metrics) && DecompositionReference.Fit(settings, reference, [metrics.Primary]) is { } fitted
            ? Decompose(settings, fitted, current, metrics)
            : null;

    /// <summary>The split from the reference's half (fitted on its rows, or a profile's) and the current rows.</summary>
    public static MetricsDecomposition? Decompose(CheckSettings settings, DecompositionReference reference, DataTable current, MetricsSection metrics)
    {
        if (!Applies(settings, metrics) || !reference.Metrics.TryGetValue(metrics.Primary, out var referenceMetric))
        {
            return null;
        }

        var currentRows = Rows(current, settings.Label!, settings.Prediction!, settings.Probability!, settings.PositiveClass, requireLabel: false);
        if (currentRows is null)
        {
            return null;
        }

        var estimator = reference.Estimator;
        var expectedRows = new WeightedBinaryRows(currentRows.Value.Score, currentRows.Value.Predicted, estimator.Probabilities(currentRows.Value.Score));
        var realizedRows = currentRows.Value.Label is { } labels
            ? expectedRows.WithPositive([.. labels.Select(l => l ? 1.0 : 0.0)])
            : null;

        var metric = metrics.Primary;
        var higherIsBetter = MetricDirection.HigherIsBetter(metric);
        double Worse(double before, double after) => higherIsBetter ? before - after : after - before;

        var (baseline, baselineError) = referenceMetric;
        var expected = expectedRows.Metric(metric);
        var realized = realizedRows?.Metric(metric);

        // Reference and current are independent samples, each resampled on its own stream; expected and realized are paired on the current rows.
        // Unstratified: the current rows may have no labels, and the expected and realized replicates must draw the same rows.
        var bootstrap = new RowBootstrap(settings.Policy.Seed, RowBootstrap.CurrentStream, expectedRows.Count);
        var expectedReplicates = new double[RowBootstrap.Replicates];
        var conceptReplicates = new double[RowBootstrap.Replicates];
        for (var b = 0; b < RowBootstrap.Replicates; b++)
        {
            var draw = bootstrap.Draw(b);
            expectedReplicates[b] = expectedRows.Metric(metric, draw);
            conceptReplicates[b] = realizedRows is null ? double.NaN : Worse(expectedReplicates[b], realizedRows.Metric(metric, draw));
        }

        var expectedError = RowBootstrap.StandardError(expectedReplicates, bootstrap.Scale);
        var covariate = Worse(baseline, expected);
        var (covariateLow, covariateHigh) = RowBootstrap.Interval(covariate, Math.Sqrt((baselineError * baselineError) + (expectedError * expectedError)));
        var (expectedLow, expectedHigh) = RowBootstrap.Interval(expected, expectedError);
        PartOfDrop? concept = null;
        if (realized is { } r)
        {
            var value = Worse(expected, r);
            var (low, high) = RowBootstrap.Interval(value, RowBootstrap.StandardError(conceptReplicates, bootstrap.Scale));
            concept = new PartOfDrop(value, low, high);
        }

        return new MetricsDecomposition(
            "cbpe", metric, expected, new Interval(expectedLow, expectedHigh), new PartOfDrop(covariate, covariateLow, covariateHigh), concept,
            estimator.Calibration, estimator.RawCalibrationError, estimator.CalibratedCalibrationError, reference.Rows, expectedRows.Count)
        {
            SampleRows = reference.SampleRows,
        };
    }

    /// <summary>Whether the inputs ask for a decomposition: binary, a probability column, stored predictions on both sides, a primary metric the estimate covers.</summary>
    public static bool Applies(CheckSettings settings, MetricsSection metrics) =>
        metrics.Task == "binary" && settings.Probability is not null && settings.Label is not null && settings.Prediction is not null
        && WeightedBinaryRows.Supports(metrics.Primary) && metrics.BaselineSource == "stored-predictions";

    internal static (double[] Score, bool[] Predicted, bool[]? Label)? Rows(DataTable table, string labelName, string predictionName, string probabilityName, string? positiveClass, bool requireLabel)
    {
        if (table.Find(probabilityName) is not NumericColumn { Kind: ColumnKind.Numeric } probability || table.Find(predictionName) is not { } prediction)
        {
            return null;
        }

        var label = table.Find(labelName);
        var hasLabels = label is not null && label.MissingCount < label.Length;
        if (requireLabel && !hasLabels)
        {
            return null;
        }

        var classes = BinaryClasses.Resolve(hasLabels ? label! : prediction, positiveClass, table.SourcePath);
        var rows = Enumerable.Range(0, table.RowCount)
            .Where(r => !ColumnValues.IsMissing(probability, r) && !ColumnValues.IsMissing(prediction, r) && (!hasLabels || !ColumnValues.IsMissing(label!, r)))
            .ToArray();
        return rows.Length == 0
            ? null
            : ([.. rows.Select(r => probability.Values[r])],
               [.. rows.Select(r => classes.IsPositive(prediction, r, table.SourcePath))],
               hasLabels ? [.. rows.Select(r => classes.IsPositive(label!, r, table.SourcePath))] : null);
    }
}
