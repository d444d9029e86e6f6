using AdaptGate.Core.Drift;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>Scores that depend on the data's shape, not on its unit: the same at 1e150 and 1e-200 as at 1, never overflowing.</summary>
public sealed class ExtremeScaleTests
{
    private static readonly double[] Reference = Enumerable.Range(0, 400).Select(i => Math.Sin(i * 0.7) * 3 + (i % 11)).ToArray();
    private static readonly double[] Current = Enumerable.Range(0, 300).Select(i => (Math.Cos(i * 0.3) * 4) + (i % 13) + 0.8).ToArray();

    [Theory]
    [InlineData(1e150)]
    [InlineData(1e-200)]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    [InlineData(-7.5)]
    public void Normalised_wasserstein_is_the_same_for_the_data_times_any_factor(double factor)
    {
        var expected = WassersteinDistance.Normalized(Sorted(Reference, 1), Sorted(Current, 1));

        var scaled = WassersteinDistance.Normalized(Sorted(Reference, factor), Sorted(Current, factor));

        Assert.InRange(expected, 0.2, 2);
        Assert.Equal(expected, scaled, expected * 1e-12);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-700)]
    [InlineData(900)]
    public void A_power_of_two_changes_the_score_not_even_in_the_last_bit(int exponent) =>
        Assert.Equal(
            WassersteinDistance.Normalized(Sorted(Reference, 1), Sorted(Current, 1)),
            WassersteinDistance.Normalized(Sorted(Reference, Math.ScaleB(1, exponent)), Sorted(Current, Math.ScaleB(1, exponent))));

    [Fact]
    public void Values_near_the_largest_double_neither_overflow_the_distance_nor_the_deviation()
    {
        double[] reference = [-1.7e308, -1e308, 0, 1e308, 1.7e308];
        double[] current = [-1.7e308, 1.6e308, 1.7e308, 1.79e308];

        var std = WassersteinDistance.PopulationStandardDeviation(reference);
        var score = WassersteinDistance.Normalized(reference, current);
        var result = DriftTest.Numeric(NumericSummary.FromValues(reference), NumericSummary.FromValues(current), DriftMethod.Wasserstein);

        Assert.Equal(Math.Sqrt(7.78 / 5) * 1e308, std, 1e296);
        Assert.True(double.IsFinite(score) && score > 0.5, "score " + score);
        Assert.Equal(score, result.Score);
        Assert.True(result.Drifted);
    }

    [Fact]
    public void A_standard_deviation_of_tiny_values_does_not_underflow_to_zero()
    {
        double[] tiny = [1e-200, 2e-200, 3e-200];

        Assert.Equal(Math.Sqrt(2.0 / 3.0) * 1e-200, WassersteinDistance.PopulationStandardDeviation(tiny), 1e-214);
    }

    [Theory]
    [InlineData(DriftMethod.Wasserstein)]
    [InlineData(DriftMethod.Psi)]
    [InlineData(DriftMethod.JensenShannon)]
    [InlineData(DriftMethod.Ks)]
    public void The_drift_verdict_of_a_column_does_not_depend_on_its_unit(DriftMethod method)
    {
        var expected = DriftTest.Numeric(NumericSummary.FromValues(Reference), NumericSummary.FromValues(Current), method);
        foreach (var factor in new[] { 1e160, 1e-200 })
        {
            var scaled = DriftTest.Numeric(
                NumericSummary.FromValues(Reference.Select(v => v * factor).ToArray()),
                NumericSummary.FromValues(Current.Select(v => v * factor).ToArray()),
                method);

            Assert.Equal(expected.Drifted, scaled.Drifted);
            Assert.Equal(expected.Score, scaled.Score, Math.Max(expected.Score, 1e-3) * 1e-9);
        }
    }

    private static double[] Sorted(double[] values, double factor) =>
        values.Select(v => v * factor).Order().ToArray();

    [Theory]
    [InlineData(1e160)]
    [InlineData(1e-200)]
    public void Regression_errors_are_the_same_in_any_unit(double factor)
    {
        double[] actual = [1.5, 2, 3.25, 4, 8];
        double[] predicted = [1, 2.5, 3, 5, 7];
        var plain = RegressionMetrics.Compute(actual, predicted);

        var scaled = RegressionMetrics.Compute(actual.Select(v => v * factor).ToArray(), predicted.Select(v => v * factor).ToArray());

        Assert.Equal(plain[MetricNames.Rmse] * factor, scaled[MetricNames.Rmse], plain[MetricNames.Rmse] * factor * 1e-12);
        Assert.Equal(plain[MetricNames.Mae] * factor, scaled[MetricNames.Mae], plain[MetricNames.Mae] * factor * 1e-12);
        Assert.Equal(plain[MetricNames.R2], scaled[MetricNames.R2], 12);
    }
}
