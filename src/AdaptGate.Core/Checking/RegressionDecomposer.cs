using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Multivariate;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Splits a regression model's change of error into a covariate part and a concept part from the predictions both
/// files store (docs/decisions.md, "Covariate or concept"): a loss model fitted on the reference says what the error
/// should be on the current rows (direct loss estimation). Both parts are relative to the baseline error, as the
/// drop is, so they add up to it.
/// </summary>
internal static class RegressionDecomposer
{
    /// <summary>Its own streams of the policy seed, apart from the other samplers.</summary>
    internal const ulong ReferenceStream = 0xD1E1;
    private const ulong CurrentStream = 0xD1E2;

    /// <summary>Below this many labelled reference rows a loss model of a few dozen leaves learns noise.</summary>
    public const int MinReferenceRows = 100;

    /// <returns>Null when the inputs do not allow it: not regression, metrics not from stored predictions, a primary metric other than mae, mse or rmse, or too few rows.</returns>
    public static MetricsDecomposition? Decompose(CheckSettings settings, DataTable reference, DataTable current, MetricsSection metrics, IReadOnlyList<string> features, CancellationToken ct)
    {
        if (metrics.Task != "regression" || settings.Label is not { } labelName || settings.Prediction is not { } predictionName
            || metrics.BaselineSource != "stored-predictions" || LossOf(metrics.Primary) is not { } loss)
        {
            return null;
        }

        var referenceRows = Usable(reference, labelName, predictionName, requireLabel: true);
        var currentRows = Usable(current, labelName, predictionName, requireLabel: false);
        if (referenceRows is not { } r || currentRows is not { } c || r.Rows.Length < MinReferenceRows || c.Rows.Length == 0)
        {
            return null;
        }

        var seed = settings.Policy.Seed;
        var fitRows = Pick(r.Rows, SplitMix64.ForStream(seed, ReferenceStream));
        var scoreRows = Pick(c.Rows, SplitMix64.ForStream(seed, CurrentStream));
        var fitLoss = fitRows.Select(i => loss(r.Label![i] - r.Prediction[i])).ToArray();
        var expectedLoss = DirectLossEstimator.ExpectedLoss(
            reference, fitRows, fitLoss, [.. fitRows.Select(i => r.Prediction[i])],
            current, scoreRows, [.. scoreRows.Select(i => c.Prediction[i])],
            features, seed, ct);

        var metric = metrics.Primary;
        var baselineLoss = r.Rows.Select(i => loss(r.Label![i] - r.Prediction[i])).ToArray();
        var realizedLoss = c.Label is { } labels ? scoreRows.Select(i => loss(labels[i] - c.Prediction[i])).ToArray() : null;

        var baseline = Metric(metric, baselineLoss, null);
        var expected = Metric(metric, expectedLoss, null);
        var realized = realizedLoss is null ? (double?)null : Metric(metric, realizedLoss, null);

        // Reference and current are independent samples; expected and realized are paired on the current rows, so the
        // concept part's spread is that of their difference. Each side's spread is scaled to its own rows (RowBootstrap),
        // then the relative parts' errors follow by the delta method: d((e − b) / b) = de / b − e·db / b².
        var referenceBootstrap = new RowBootstrap(seed, RowBootstrap.ReferenceStream, baselineLoss.Length);
        var currentBootstrap = new RowBootstrap(seed, RowBootstrap.CurrentStream, expectedLoss.Length);
        var baselineReplicates = new double[RowBootstrap.Replicates];
        var expectedReplicates = new double[RowBootstrap.Replicates];
        var differenceReplicates = new double[RowBootstrap.Replicates];
        for (var b = 0; b < RowBootstrap.Replicates; b++)
        {
            baselineReplicates[b] = Metric(metric, baselineLoss, referenceBootstrap.Draw(b));
            var draw = currentBootstrap.Draw(b);
            expectedReplicates[b] = Metric(metric, expectedLoss, draw);
            differenceReplicates[b] = realizedLoss is null ? double.NaN : Metric(metric, realizedLoss, draw) - expectedReplicates[b];
        }

        var currentScale = currentBootstrap.Scale;
        var baselineError = RowBootstrap.StandardError(baselineReplicates, referenceBootstrap.Scale);
        var expectedError = RowBootstrap.StandardError(expectedReplicates, currentScale);
        var scale = baseline == 0 ? 1 : baseline;
        var covariate = Relative(baseline, expected - baseline);
        var covariateError = Math.Sqrt(Square(expectedError / scale) + Square(expected * baselineError / (scale * scale)));
        var (covariateLow, covariateHigh) = RowBootstrap.Interval(covariate, covariateError);
        var (expectedLow, expectedHigh) = RowBootstrap.Interval(expected, expectedError);
        PartOfDrop? concept = null;
        if (realized is { } value)
        {
            var part = Relative(baseline, value - expected);
            var differenceError = RowBootstrap.StandardError(differenceReplicates, currentScale);
            var partError = Math.Sqrt(Square(differenceError / scale) + Square((value - expected) * baselineError / (scale * scale)));
            var (low, high) = RowBootstrap.Interval(part, partError);
            concept = new PartOfDrop(part, low, high);
        }

        return new MetricsDecomposition(
            "dle", metric, expected, new Interval(expectedLow, expectedHigh), new PartOfDrop(covariate, covariateLow, covariateHigh), concept,
            Calibration: null, CalibrationErrorRaw: null, CalibrationErrorCalibrated: null, r.Rows.Length, scoreRows.Length)
        {
            SampleRows = fitRows.Length < r.Rows.Length ? fitRows.Length : null,
        };
    }

    /// <summary>The per-row loss whose mean gives the metric (rmse: the root of the mean squared error).</summary>
    private static Func<double, double>? LossOf(string metric) => metric switch
    {
        "mae" => Math.Abs,
        "mse" or "rmse" => e => e * e,
        _ => null,
    };

    private static double Metric(string metric, double[] loss, RowDraw? draw)
    {
        var mean = draw is { } d ? RowBootstrap.Mean(loss, d) : RowBootstrap.Mean(loss);
        return metric == "rmse" ? Math.Sqrt(mean) : mean;
    }

    // As MetricDrop: relative to the baseline error, absolute when the baseline is exactly 0.
    private static double Relative(double baseline, double change) => baseline == 0 ? change : change / baseline;

    private static double Square(double x) => x * x;

    private static int[] Pick(int[] rows, SplitMix64 random) =>
        [.. RowSampler.Sample(rows.Length, DirectLossEstimator.MaxRows, random).Select(i => rows[i])];

    private static (int[] Rows, double[] Prediction, double[]? Label)? Usable(DataTable table, string labelName, string predictionName, bool requireLabel)
    {
        if (table.Find(predictionName) is not NumericColumn { Kind: ColumnKind.Numeric } prediction)
        {
            return null;
        }

        var label = table.Find(labelName) as NumericColumn;
        var hasLabels = label is not null && label.MissingCount < label.Length;
        if (requireLabel && !hasLabels)
        {
            return null;
        }

        var rows = Enumerable.Range(0, table.RowCount)
            .Where(i => double.IsFinite(prediction.Values[i]) && (!hasLabels || double.IsFinite(label!.Values[i])))
            .ToArray();
        return rows.Length == 0 ? null : (rows, prediction.Values, hasLabels ? label!.Values : null);
    }
}
