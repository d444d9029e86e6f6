using System.Globalization;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Current metrics without current labels (production, where labels arrive weeks later): the reference's labels
/// and stored probabilities calibrate the model's confidence, and each current row counts as a positive with its
/// calibrated probability (confidence-based performance estimation). The estimate holds while the relation between
/// inputs and outcome does; it cannot see a changed concept, and every output says the metrics are estimated.
/// </summary>
internal static class LabelFreeEstimate
{
    /// <summary>The current file has no label column, or no value in it.</summary>
    public static bool Applies(DataTable current, string label) =>
        current.Find(label) is not { } column || column.MissingCount == column.Length;

    /// <exception cref="InputException">No probability column, a task other than binary, one class only in the reference, or a probability outside [0, 1].</exception>
    public static (MetricSet Values, int Rows, MetricRows Evidence, string Warning) Estimate(CheckSettings settings, DataTable reference, DataTable current)
    {
        var label = settings.Label!;
        if (ProbabilityColumns.IsSeveral(settings.ProbabilitySpec))
        {
            return Multiclass(settings, reference, current);
        }

        if (settings.Probability is not { } probability)
        {
            throw new InputException(
                $"The current file has no labels in '{label}', so its metrics can only be estimated, and that needs the model's probabilities.",
                current.SourcePath, column: label,
                hint: "Pass --probability COLUMN (the stored probability of the positive class in both files; for several classes, one column per class: a list or a prefix such as 'p_*'), or add the labels to the current file.");
        }

        if (reference.Find(label) is not { } referenceLabel || referenceLabel.MissingCount == referenceLabel.Length)
        {
            throw new InputException(
                $"Neither file has labels in '{label}': there is nothing to measure the model against, and nothing to calibrate an estimate on.",
                reference.SourcePath, column: label, hint: "The reference needs the true outcome in its label column.");
        }

        var task = settings.Task ?? TaskInference.Infer(referenceLabel, reference.SourcePath).Task;
        if (task != MetricTask.Binary)
        {
            throw new InputException(
                $"The current file has no labels in '{label}', and metrics without labels are estimated for classification only, from its probabilities (the reference's label is {task.ToString().ToLowerInvariant()}{(task == MetricTask.Multiclass ? " and --probability names one column" : string.Empty)}).",
                current.SourcePath, column: label,
                hint: task == MetricTask.Multiclass
                    ? "Name one probability column per class (a list or a prefix such as 'p_*'), or add the labels to the current file."
                    : "Add the labels to the current file, or check drift alone by leaving out --label.");
        }

        var referenceRows = PerformanceDecomposer.Rows(reference, label, settings.Prediction!, probability, settings.PositiveClass, requireLabel: true);
        if (referenceRows is not { Label: { } labels } || labels.Distinct().Count() < 2)
        {
            throw new InputException(
                "The reference has one class only: the model's confidence cannot be calibrated on it, so the current metrics cannot be estimated without labels.",
                reference.SourcePath, column: label, hint: "Use a reference with both classes, or add the labels to the current file.");
        }

        var column = current.Find(probability)!;
        var currentRows = PerformanceDecomposer.Rows(current, label, settings.Prediction!, probability, settings.PositiveClass, requireLabel: false)
            ?? throw new InputException("No current row has both a prediction and a probability to estimate from.", current.SourcePath, column: probability,
                hint: "Check that the prediction and probability columns are filled in the current file.");
        StoredPredictionMetrics.Probabilities(current.SourcePath, column, [.. Enumerable.Range(0, current.RowCount).Where(r => !ColumnValues.IsMissing(column, r))]);

        // Chosen as the decomposition chooses it, so the estimate is the decomposition's expected metric.
        var (estimator, _) = CalibrationSample.Fit(referenceRows.Value.Score, labels, settings.Policy.Seed);
        var rows = new EstimatedBinaryRows(
            new WeightedBinaryRows(currentRows.Score, currentRows.Predicted, estimator.Probabilities(currentRows.Score)), estimator, referenceRows.Value.Score, labels);
        var warning = string.Create(CultureInfo.InvariantCulture,
            $"The current file has no labels in '{label}': its metrics are estimated from the model's probabilities on {rows.Count:N0} rows, calibrated on the reference ({estimator.Calibration}), as confidence-based performance estimation does. The estimate assumes the relation between inputs and outcome still holds: it sees a shift of the inputs, not a changed concept.");
        return (rows.Compute(null), rows.Count, rows, warning);
    }

    private static (MetricSet Values, int Rows, MetricRows Evidence, string Warning) Multiclass(CheckSettings settings, DataTable reference, DataTable current)
    {
        var label = settings.Label!;
        if (reference.Find(label) is not { } referenceLabel || referenceLabel.MissingCount == referenceLabel.Length)
        {
            throw new InputException(
                $"Neither file has labels in '{label}': there is nothing to measure the model against, and nothing to calibrate an estimate on.",
                reference.SourcePath, column: label, hint: "The reference needs the true outcome in its label column.");
        }

        var probabilities = ProbabilityColumns.Resolve(settings.ProbabilitySpec, [.. reference.Columns.Select(c => c.Name)], reference.SourcePath)!;
        var expectation = MulticlassDecomposer.Expect(reference, current, label, settings.Prediction!, probabilities, settings.Policy.Seed)
            ?? throw new InputException("No current row has a prediction and every class's probability to estimate from.", current.SourcePath, column: settings.Prediction,
                hint: "Check that the prediction and probability columns are filled in the current file.");
        if (expectation.Estimators.All(e => e is null))
        {
            throw new InputException(
                "The reference has one class only: the model's confidence cannot be calibrated on it, so the current metrics cannot be estimated without labels.",
                reference.SourcePath, column: label, hint: "Use a reference with more than one class, or add the labels to the current file.");
        }

        var rows = new EstimatedMulticlassRows(expectation.Chance, expectation.Current.Predicted);
        var warning = string.Create(CultureInfo.InvariantCulture,
            $"The current file has no labels in '{label}': its metrics are estimated from the model's class probabilities on {rows.Count:N0} rows, calibrated on the reference ({MulticlassDecomposer.Describe(expectation.Estimators, probabilities)}), as confidence-based performance estimation does. The estimate assumes the relation between inputs and outcome still holds: it sees a shift of the inputs, not a changed concept.");
        return (rows.Compute(null), rows.Count, rows, warning);
    }
}
