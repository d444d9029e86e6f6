using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Tests.Metrics.Estimation;

/// <summary>The caps that keep the decomposition's cost flat on large files: the sample the calibration is chosen on and the replicates' draws.</summary>
public sealed class CalibrationSampleTests
{
    [Fact]
    public void At_the_cap_every_row_is_kept_in_order()
    {
        var label = Labels(CalibrationSample.MaxRows, positiveEvery: 3);

        Assert.Equal(Enumerable.Range(0, CalibrationSample.MaxRows), CalibrationSample.Rows(label, seed: 7));
    }

    [Fact]
    public void Above_the_cap_a_seeded_sample_keeps_each_class_share()
    {
        // 250,000 rows, one in five positive: 50,000 positives and 200,000 negatives, sampled at 200,000 / 250,000.
        var label = Labels(250_000, positiveEvery: 5);

        var sample = CalibrationSample.Rows(label, seed: 7);

        Assert.Equal(CalibrationSample.MaxRows, sample.Length);
        Assert.Equal(40_000, sample.Count(i => label[i]));
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(sample.Length, sample.Distinct().Count());
        Assert.Equal(sample, CalibrationSample.Rows(label, seed: 7));
        Assert.NotEqual(sample, CalibrationSample.Rows(label, seed: 8));
    }

    [Fact]
    public void Above_the_cap_the_calibration_is_chosen_on_the_sampled_rows_and_fitted_on_every_row()
    {
        var (score, label) = Overconfident(300_000, seed: 1);
        var rows = CalibrationSample.Rows(label, seed: 0);

        var (estimator, sampleRows) = CalibrationSample.Fit(score, label, seed: 0);
        var chosenOnTheSample = ConfidenceBasedEstimator.Choose([.. rows.Select(i => score[i])], [.. rows.Select(i => label[i])]);
        var everyRow = ConfidenceBasedEstimator.Fit(score, label);

        Assert.Equal(CalibrationSample.MaxRows, sampleRows);
        Assert.Equal(("platt", "platt"), (estimator.Calibration, chosenOnTheSample.Calibration));
        Assert.Equal(chosenOnTheSample.RawCalibrationError, estimator.RawCalibrationError);
        Assert.Equal(chosenOnTheSample.CalibratedCalibrationError, estimator.CalibratedCalibrationError);
        Assert.NotEqual(everyRow.CalibratedCalibrationError, estimator.CalibratedCalibrationError);
        Assert.Equal(everyRow.Fitted.Parameters, estimator.Fitted.Parameters);
        Assert.Equal(everyRow.Probabilities(score.AsSpan(0, 1000)), estimator.Probabilities(score.AsSpan(0, 1000)));
    }

    [Fact]
    public void At_the_cap_the_estimator_is_the_one_fitted_on_every_row()
    {
        var (score, label) = Overconfident(20_000, seed: 2);

        var (estimator, sampleRows) = CalibrationSample.Fit(score, label, seed: 0);
        var everyRow = ConfidenceBasedEstimator.Fit(score, label);

        Assert.Null(sampleRows);
        Assert.Equal((everyRow.Calibration, everyRow.CalibratedCalibrationError), (estimator.Calibration, estimator.CalibratedCalibrationError));
        Assert.Equal(everyRow.Fitted.Parameters, estimator.Fitted.Parameters);
    }

    [Fact]
    public void A_multiclass_sample_keeps_each_class_share()
    {
        var classOf = Enumerable.Range(0, 400_000).Select(i => i % 10 == 0 ? 2 : i % 2).ToArray();

        var sample = CalibrationSample.Rows(classOf, classes: 3, seed: 3);

        Assert.Equal(
            [(0, 80_000), (1, 100_000), (2, 20_000)],
            sample.GroupBy(i => classOf[i]).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public void Above_the_draw_cap_a_replicate_draws_the_cap_and_its_spread_is_scaled()
    {
        var strata = Enumerable.Range(0, 100_000).Select(i => i % 4 == 0 ? 1 : 0).ToArray();
        var bootstrap = new RowBootstrap(seed: 5, RowBootstrap.ReferenceStream, strata.Length, strata, 2);

        var draw = bootstrap.Draw(0);

        Assert.Equal(ResampleCounts.MaxDraws, draw.Rows.Length);
        Assert.Equal(ResampleCounts.MaxDraws / 4, draw.Rows.Count(row => strata[row] == 1));
        Assert.Equal(Math.Sqrt(ResampleCounts.MaxDraws / 100_000.0), bootstrap.Scale, 12);
        Assert.Equal(draw.Rows.Order(), draw.Ascending);
        Assert.Equal(draw.Rows, bootstrap.Draw(0).Rows);
        Assert.NotEqual(draw.Rows, bootstrap.Draw(1).Rows);

        var small = new RowBootstrap(seed: 5, RowBootstrap.ReferenceStream, 5_000);
        Assert.Equal(5_000, small.Draw(0).Rows.Length);
        Assert.Equal(1, small.Scale);
    }

    private static bool[] Labels(int rows, int positiveEvery) => [.. Enumerable.Range(0, rows).Select(i => i % positiveEvery == 0)];

    /// <summary>Scores whose logit is twice the true one: Platt scaling repairs them.</summary>
    internal static (double[] Score, bool[] Label) Overconfident(int rows, int seed)
    {
        var random = new Random(seed);
        var score = new double[rows];
        var label = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var z = (random.NextDouble() * 4) - 2;
            score[i] = 1 / (1 + Math.Exp(-2 * z));
            label[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z));
        }

        return (score, label);
    }
}
