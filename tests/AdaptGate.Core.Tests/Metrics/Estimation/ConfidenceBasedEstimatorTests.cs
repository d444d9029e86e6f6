using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;

namespace AdaptGate.Core.Tests.Metrics.Estimation;

/// <summary>
/// The estimate against a known truth: rows whose label is drawn from sigmoid(2x) and a model that predicts
/// exactly that probability (or a distorted one, which the calibration must repair).
/// </summary>
public sealed class ConfidenceBasedEstimatorTests
{
    [Fact]
    public void Under_covariate_shift_the_estimate_follows_the_realized_auc()
    {
        var reference = Rows(20000, mean: 0, seed: 1);
        var shifted = Rows(20000, mean: 0.5, seed: 2, spread: 0.4);
        var estimator = ConfidenceBasedEstimator.Fit(reference.Score, reference.Label);

        var estimate = estimator.Estimate(shifted.Score, Predicted(shifted.Score));
        var realized = RocAuc.Compute(shifted.Label, shifted.Score);

        // A narrower sub-population near the boundary is harder to rank: the auc falls, and the estimate saw it coming.
        Assert.True(RocAuc.Compute(reference.Label, reference.Score) - realized > 0.05, "the shift should lower the auc");

        // Within three standard errors of the realized auc on 20,000 rows (about 0.005 each).
        Assert.InRange(estimate.Auc - realized, -0.015, 0.015);
    }

    [Fact]
    public void Under_concept_change_the_realized_auc_falls_short_of_the_estimate()
    {
        var reference = Rows(20000, mean: 0, seed: 3);
        var changed = Rows(20000, mean: 0, seed: 4, flip: 0.25);
        var estimator = ConfidenceBasedEstimator.Fit(reference.Score, reference.Label);

        var estimate = estimator.Estimate(changed.Score, Predicted(changed.Score));

        Assert.True(estimate.Auc - RocAuc.Compute(changed.Label, changed.Score) > 0.1);
    }

    [Fact]
    public void Distorted_probabilities_are_calibrated_and_honest_ones_stay_as_they_are()
    {
        var honest = Rows(20000, mean: 0, seed: 5);
        var overconfident = honest with { Score = [.. honest.Score.Select(p => 1 / (1 + Math.Exp(-4 * Math.Log(p / (1 - p)))))] };
        var kept = ConfidenceBasedEstimator.Fit(honest.Score, honest.Label);
        var repaired = ConfidenceBasedEstimator.Fit(overconfident.Score, overconfident.Label);

        // Honest probabilities stay what they were, whether or not a calibration won by a hair.
        var moved = kept.Probabilities(honest.Score).Zip(honest.Score).Max(pair => Math.Abs(pair.First - pair.Second));
        Assert.True(moved < 0.02, $"honest probabilities moved by up to {moved} ({kept.Calibration}: {kept.RawCalibrationError} -> {kept.CalibratedCalibrationError})");
        Assert.True(repaired.Calibrated);
        Assert.True(repaired.CalibratedCalibrationError < repaired.RawCalibrationError / 5);
        var accuracyTruth = honest.Label.Zip(Predicted(honest.Score)).Average(pair => pair.First == pair.Second ? 1.0 : 0.0);
        Assert.Equal(accuracyTruth, repaired.Estimate(overconfident.Score, Predicted(overconfident.Score)).Accuracy, 2);
    }

    private static bool[] Predicted(double[] score) => [.. score.Select(p => p >= 0.5)];

    private static Sample Rows(int n, double mean, int seed, double flip = 0, double spread = 1)
    {
        var random = new Random(seed);
        var score = new double[n];
        var label = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var x = mean + (spread * Normal(random));
            score[i] = 1 / (1 + Math.Exp(-2 * x));
            label[i] = random.NextDouble() < score[i];
            if (random.NextDouble() < flip)
            {
                label[i] = !label[i];
            }
        }

        return new Sample(score, label);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed record Sample(double[] Score, bool[] Label);
}
