using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// The covariate / concept split of a multiclass model's accuracy from its stored class probabilities (confidence-based
/// performance estimation, one class against the rest, as NannyML does for multiclass): each class's probability is
/// calibrated on the reference against whether the row is of that class, the calibrated probabilities of a row are
/// normalised to sum to 1, and the probability of the class the model predicted is the chance that it is right. Their
/// mean over the current rows is the accuracy the model should have there if its relation between inputs and outcome held.
/// </summary>
internal static class MulticlassDecomposer
{
    /// <returns>Null unless the task is multiclass, the primary is micro-accuracy, the metrics come from stored predictions and one probability column per class is named.</returns>
    /// <exception cref="InputException">A label or predicted class has no probability column.</exception>
    public static MetricsDecomposition? Decompose(CheckSettings settings, DataTable reference, DataTable current, MetricsSection metrics, ProbabilityColumns? probabilities)
    {
        if (probabilities is null || metrics.Task != "multiclass" || metrics.Primary != MetricNames.MicroAccuracy || metrics.BaselineSource != "stored-predictions"
            || settings.Label is not { } labelName || settings.Prediction is not { } predictionName)
        {
            return null;
        }

        if (Expect(reference, current, labelName, predictionName, probabilities, settings.Policy.Seed) is not { } expectation)
        {
            return null;
        }

        var (referenceRows, currentRows, estimators, chance, sample) = expectation;
        var classes = probabilities.Classes.Count;
        var referenceActual = referenceRows.Actual!;
        var expectedCorrect = new double[currentRows.Count];
        for (var i = 0; i < currentRows.Count; i++)
        {
            expectedCorrect[i] = chance[currentRows.Predicted[i]][i];
        }

        var baselineCorrect = referenceRows.Correct();
        var realizedCorrect = currentRows.Actual is null ? null : currentRows.Correct();
        var baseline = RowBootstrap.Mean(baselineCorrect);
        var expected = RowBootstrap.Mean(expectedCorrect);

        var referenceBootstrap = new RowBootstrap(settings.Policy.Seed, RowBootstrap.ReferenceStream, baselineCorrect.Length, referenceActual, classes);
        var currentBootstrap = new RowBootstrap(settings.Policy.Seed, RowBootstrap.CurrentStream, expectedCorrect.Length);
        var baselineReplicates = new double[RowBootstrap.Replicates];
        var expectedReplicates = new double[RowBootstrap.Replicates];
        var conceptReplicates = new double[RowBootstrap.Replicates];
        for (var b = 0; b < RowBootstrap.Replicates; b++)
        {
            baselineReplicates[b] = RowBootstrap.Mean(baselineCorrect, referenceBootstrap.Draw(b));
            var draw = currentBootstrap.Draw(b);
            expectedReplicates[b] = RowBootstrap.Mean(expectedCorrect, draw);
            conceptReplicates[b] = realizedCorrect is null ? double.NaN : expectedReplicates[b] - RowBootstrap.Mean(realizedCorrect, draw);
        }

        var baselineError = RowBootstrap.StandardError(baselineReplicates, referenceBootstrap.Scale);
        var expectedError = RowBootstrap.StandardError(expectedReplicates, currentBootstrap.Scale);
        var covariate = baseline - expected;
        var (covariateLow, covariateHigh) = RowBootstrap.Interval(covariate, Math.Sqrt((baselineError * baselineError) + (expectedError * expectedError)));
        var (expectedLow, expectedHigh) = RowBootstrap.Interval(expected, expectedError);
        PartOfDrop? concept = null;
        if (realizedCorrect is not null)
        {
            var part = expected - RowBootstrap.Mean(realizedCorrect);
            var (low, high) = RowBootstrap.Interval(part, RowBootstrap.StandardError(conceptReplicates, currentBootstrap.Scale));
            concept = new PartOfDrop(part, low, high);
        }

        var fitted = estimators.OfType<ConfidenceBasedEstimator>().ToArray();
        return new MetricsDecomposition(
            "cbpe", metrics.Primary, expected, new Interval(expectedLow, expectedHigh), new PartOfDrop(covariate, covariateLow, covariateHigh), concept,
            Describe(estimators, probabilities),
            fitted.Length == 0 ? null : fitted.Average(e => e.RawCalibrationError),
            fitted.Length == 0 ? null : fitted.Average(e => e.CalibratedCalibrationError),
            referenceRows.Count, currentRows.Count)
        {
            SampleRows = sample.Length < referenceRows.Count ? sample.Length : null,
        };
    }

    /// <summary>
    /// The calibration fitted on the reference and each usable current row's chance of each class; null when either
    /// file lacks the columns, or the reference its labels.
    /// </summary>
    public static Expectation? Expect(DataTable reference, DataTable current, string labelName, string predictionName, ProbabilityColumns probabilities, int seed)
    {
        var referenceRows = ClassRows.Read(reference, labelName, predictionName, probabilities, requireLabel: true);
        var currentRows = ClassRows.Read(current, labelName, predictionName, probabilities, requireLabel: false);
        if (referenceRows is not { Actual: { } referenceActual } || currentRows is null)
        {
            return null;
        }

        // One calibration per class, fitted where the reference has rows of that class and rows of others; above
        // CalibrationSample.MaxRows each is chosen on one sample of the reference stratified by class, then fitted on every row.
        var classes = probabilities.Classes.Count;
        var sample = CalibrationSample.Rows(referenceActual, classes, seed);
        var estimators = new ConfidenceBasedEstimator?[classes];
        for (var k = 0; k < classes; k++)
        {
            var isClass = referenceActual.Select(a => a == k).ToArray();
            estimators[k] = isClass.Distinct().Count() < 2
                ? null
                : sample.Length == isClass.Length
                    ? ConfidenceBasedEstimator.Fit(referenceRows.Probabilities[k], isClass)
                    : ConfidenceBasedEstimator.Choose([.. sample.Select(i => referenceRows.Probabilities[k][i])], [.. sample.Select(i => isClass[i])]).FittedOn(referenceRows.Probabilities[k], isClass);
        }

        return new Expectation(referenceRows, currentRows, estimators, Normalised(currentRows, estimators), sample);
    }

    /// <summary>How the calibration was fitted, per class.</summary>
    public static string Describe(ConfidenceBasedEstimator?[] estimators, ProbabilityColumns probabilities) =>
        "one-vs-rest: " + string.Join(", ", estimators.Select((e, k) => $"{probabilities.Classes[k]} {e?.Calibration ?? "none"}"));

    /// <summary>What <see cref="Expect"/> fitted and estimated: <c>Chance[k][i]</c> is current row i's calibrated chance of class k.</summary>
    internal sealed record Expectation(ClassRows Reference, ClassRows Current, ConfidenceBasedEstimator?[] Estimators, double[][] Chance, int[] Sample);

    /// <summary>Per class, per row: the calibrated probabilities, scaled so each row's sum to 1.</summary>
    private static double[][] Normalised(ClassRows rows, ConfidenceBasedEstimator?[] estimators)
    {
        var calibrated = estimators.Select((e, k) => e is null ? rows.Probabilities[k] : e.Probabilities(rows.Probabilities[k])).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var sum = calibrated.Sum(c => c[i]);
            foreach (var c in calibrated)
            {
                c[i] = sum > 0 ? c[i] / sum : 1.0 / calibrated.Length;
            }
        }

        return calibrated;
    }

    /// <summary>The usable rows of one file: each row's class probabilities, its predicted class and (with labels) its class.</summary>
    internal sealed record ClassRows(double[][] Probabilities, int[] Predicted, int[]? Actual)
    {
        public int Count => Predicted.Length;

        public double[] Correct() => [.. Predicted.Select((p, i) => p == Actual![i] ? 1.0 : 0.0)];

        public static ClassRows? Read(DataTable table, string labelName, string predictionName, ProbabilityColumns probabilities, bool requireLabel)
        {
            if (table.Find(predictionName) is not { } prediction)
            {
                return null;
            }

            var columns = probabilities.Columns.Select(n => table.Find(n) as NumericColumn).ToArray();
            if (columns.Any(c => c is null))
            {
                return null;
            }

            var label = table.Find(labelName);
            var hasLabels = label is not null && label.MissingCount < label.Length;
            if (requireLabel && !hasLabels)
            {
                return null;
            }

            var index = probabilities.Classes.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k, StringComparer.Ordinal);
            var rows = Enumerable.Range(0, table.RowCount)
                .Where(r => !ColumnValues.IsMissing(prediction, r) && (!hasLabels || !ColumnValues.IsMissing(label!, r)) && columns.All(c => double.IsFinite(c!.Values[r])))
                .ToArray();
            if (rows.Length == 0)
            {
                return null;
            }

            int ClassOf(DataColumn column, int row)
            {
                var text = ColumnValues.Text(column, row);
                return index.TryGetValue(text, out var k)
                    ? k
                    : throw new InputException(
                        $"The class '{MessageText.Name(text)}' has no probability column (the probability columns name the classes {string.Join(", ", probabilities.Classes.Select(c => $"'{MessageText.Name(c)}'"))}).",
                        table.SourcePath,
                        column.LineOf(row),
                        column.Name,
                        "Name one probability column per class, each the class name after a shared prefix (prob_a, prob_b, ...).");
            }

            foreach (var (column, k) in columns.Select((c, k) => (c!, k)))
            {
                foreach (var r in rows.Where(r => column.Values[r] is < 0 or > 1))
                {
                    throw new InputException(
                        $"probability {column.Values[r].ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside [0, 1]", table.SourcePath, column.LineOf(r), column.Name,
                        $"Point the probability columns at the model's probability of each class ('{MessageText.Name(probabilities.Classes[k])}' here), not raw scores.");
                }
            }

            return new ClassRows(
                [.. columns.Select(c => rows.Select(r => c!.Values[r]).ToArray())],
                [.. rows.Select(r => ClassOf(prediction, r))],
                hasLabels ? [.. rows.Select(r => ClassOf(label!, r))] : null);
        }
    }
}
