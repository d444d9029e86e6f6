using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Multivariate;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Reports.Html;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>
/// Above its caps the decomposition uses a seeded sample of the reference and says so (docs/decisions.md, "Cost of the
/// decomposition"): the calibration is chosen on 200,000 rows stratified by label (and fitted on every row), the loss
/// model fitted on 20,000; and its intervals over more than 20,000 rows are scaled from 20,000 draws to the rows' own spread.
/// </summary>
public sealed class DecompositionSampleTests
{
    private static readonly CheckRequest Binary = new()
    {
        ReferencePath = "reference.csv", CurrentPath = "current.csv", LabelColumn = "y", PredictionColumn = "prediction",
        ProbabilityColumn = "probability", Task = MetricTask.Binary,
    };

    private static readonly CheckRequest Regression = new()
    {
        ReferencePath = "reference.csv", CurrentPath = "current.csv", LabelColumn = "y", PredictionColumn = "prediction", Task = MetricTask.Regression,
    };

    [Fact]
    public void Above_the_cap_the_calibration_is_chosen_on_the_sample_and_the_report_says_so()
    {
        var reference = BinaryTable(250_000, seed: 1);
        var report = CheckRunner.Compare(Binary, new GatePolicy(), reference, BinaryTable(5_000, seed: 2));
        var parts = report.Metrics!.Decomposition!;

        var label = ((NumericColumn)reference.Find("y")!).Values.Select(v => v == 1).ToArray();
        var score = ((NumericColumn)reference.Find("probability")!).Values;
        var sample = CalibrationSample.Rows(label, new GatePolicy().Seed);
        var chosen = ConfidenceBasedEstimator.Choose([.. sample.Select(i => score[i])], [.. sample.Select(i => label[i])]);
        Assert.Equal((250_000, CalibrationSample.MaxRows), (parts.ReferenceRows, parts.SampleRows));
        Assert.Equal(chosen.Calibration, parts.Calibration);
        Assert.Equal(chosen.CalibratedCalibrationError, parts.CalibrationErrorCalibrated);
        var fitted = DecompositionReference.Fit(new CheckSettings(new GatePolicy(), Binary), reference, [MetricNames.Auc])!;
        Assert.Equal(chosen.FittedOn(score, label).Fitted.Parameters, fitted.Estimator.Fitted.Parameters);

        Assert.Contains("\"sampleRows\": 200000", JsonReportFormat.Write(report), StringComparison.Ordinal);
        Assert.Contains("250,000 reference and 5,000 current rows; the calibration chosen on a seeded sample of 200,000 reference rows", HtmlReportFormat.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_carries_the_sample_and_an_older_profile_means_every_row()
    {
        var fitted = DecompositionReference.Fit(new CheckSettings(new GatePolicy(), Binary), BinaryTable(220_000, seed: 3), [MetricNames.Auc])!;

        var stored = fitted.ToProfile();
        var restored = DecompositionReference.FromProfile(stored, fitted.Seed, "reference.agprofile");
        var older = DecompositionReference.FromProfile(stored with { SampleRows = null }, fitted.Seed, "reference.agprofile");

        Assert.Equal(CalibrationSample.MaxRows, stored.SampleRows);
        Assert.Equal((220_000, CalibrationSample.MaxRows), (restored.Rows, restored.SampleRows));
        Assert.Equal(fitted.Estimator.Fitted.Parameters, restored.Estimator.Fitted.Parameters);
        Assert.Null(older.SampleRows);
    }

    [Fact]
    public void At_or_below_the_cap_every_reference_row_is_fitted_and_no_sample_is_mentioned()
    {
        var report = CheckRunner.Compare(Binary, new GatePolicy(), BinaryTable(4_000, seed: 4), BinaryTable(4_000, seed: 5));
        var parts = report.Metrics!.Decomposition!;

        Assert.Equal((4_000, (int?)null), (parts.ReferenceRows, parts.SampleRows));
        Assert.DoesNotContain("seeded sample", HtmlReportFormat.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Over_twenty_thousand_current_rows_the_interval_narrows_with_the_rows()
    {
        // From 40,000 to 160,000 current rows of the same kind a replicate still draws 20,000; scaled to the rows' own
        // spread the expected auc's interval halves (a standard error falls with √rows), where unscaled it would stay.
        var reference = BinaryTable(4_000, seed: 6);
        var fewer = CheckRunner.Compare(Binary, new GatePolicy(), reference, BinaryTable(40_000, seed: 7)).Metrics!.Decomposition!;
        var more = CheckRunner.Compare(Binary, new GatePolicy(), reference, BinaryTable(160_000, seed: 8)).Metrics!.Decomposition!;

        var ratio = Width(fewer.ExpectedInterval) / Width(more.ExpectedInterval);
        Assert.InRange(ratio, 1.6, 2.5);
    }

    [Fact]
    public void Above_the_cap_the_loss_model_is_fitted_on_the_sample_and_the_baseline_on_every_row()
    {
        var reference = RegressionTable(30_000, seed: 9);
        var current = RegressionTable(3_000, seed: 10);
        var report = CheckRunner.Compare(Regression, new GatePolicy(), reference, current);
        var parts = report.Metrics!.Decomposition!;

        var seed = new GatePolicy().Seed;
        var fit = RowSampler.Sample(30_000, DirectLossEstimator.MaxRows, SplitMix64.ForStream(seed, RegressionDecomposer.ReferenceStream));
        var scored = Enumerable.Range(0, 3_000).ToArray();
        var (y, prediction) = (Values(reference, "y"), Values(reference, "prediction"));
        var loss = DirectLossEstimator.ExpectedLoss(
            reference, fit, [.. fit.Select(i => (y[i] - prediction[i]) * (y[i] - prediction[i]))], [.. fit.Select(i => prediction[i])],
            current, scored, Values(current, "prediction"), ["x"], seed, CancellationToken.None);
        Assert.Equal(Math.Sqrt(loss.Average()), parts.Expected, 12);
        Assert.Equal((30_000, (int?)DirectLossEstimator.MaxRows, 3_000), (parts.ReferenceRows, parts.SampleRows, parts.CurrentRows));
        Assert.Contains("the loss model fitted on a seeded sample of 20,000 reference rows", HtmlReportFormat.Write(report), StringComparison.Ordinal);
    }

    private static double Width(Interval interval) => interval.High - interval.Low;

    private static double[] Values(DataTable table, string name) => ((NumericColumn)table.Find(name)!).Values;

    /// <summary>An overconfident model: its stored probability doubles the true logit, so a calibration is chosen.</summary>
    private static DataTable BinaryTable(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        var prediction = new double[rows];
        var probability = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = (random.NextDouble() * 4) - 2;
            probability[i] = 1 / (1 + Math.Exp(-2 * x[i]));
            prediction[i] = probability[i] >= 0.5 ? 1 : 0;
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-x[i])) ? 1 : 0;
        }

        return new DataTable(seed % 2 == 1 ? "reference.csv" : "current.csv",
            [new NumericColumn("x", x), new NumericColumn("y", y), new NumericColumn("prediction", prediction), new NumericColumn("probability", probability)], rows);
    }

    private static DataTable RegressionTable(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        var prediction = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = (random.NextDouble() * 4) - 2;
            prediction[i] = 2 * x[i];
            y[i] = prediction[i] + (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * (0.2 + Math.Abs(x[i])));
        }

        return new DataTable(seed % 2 == 1 ? "reference.csv" : "current.csv", [new NumericColumn("x", x), new NumericColumn("y", y), new NumericColumn("prediction", prediction)], rows);
    }
}
