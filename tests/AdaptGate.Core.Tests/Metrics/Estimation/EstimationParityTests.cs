using AdaptGate.Core.Metrics.Estimation;

namespace AdaptGate.Core.Tests.Metrics.Estimation;

/// <summary>The estimation kernels against tests/fixtures/sklearn/estimation.py (scikit-learn's isotonic fit, NumPy's trapezoid).</summary>
public sealed class EstimationParityTests
{
    private const string File = "estimation.json";

    public static TheoryData<string> IsotonicCases => SklearnFixture.CaseNames(File, "isotonic");

    public static TheoryData<string> AucCases => SklearnFixture.CaseNames(File, "expected_auc");

    public static TheoryData<string> CalibrationCases => SklearnFixture.CaseNames(File, "calibration_error");

    [Theory]
    [MemberData(nameof(IsotonicCases))]
    public void Isotonic_fit_predicts_what_sklearn_predicts(string name)
    {
        var c = SklearnFixture.Case(File, "isotonic", name);
        var fit = IsotonicCalibration.Fit(SklearnFixture.Doubles(c.GetProperty("scores")), SklearnFixture.Doubles(c.GetProperty("outcomes")));

        var queries = SklearnFixture.Doubles(c.GetProperty("queries"));
        var expected = SklearnFixture.Doubles(c.GetProperty("expected"));
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - fit.Apply(queries[i])) <= 1e-12, $"at {queries[i]:R}: sklearn {expected[i]:R}, got {fit.Apply(queries[i]):R}");
        }
    }

    [Theory]
    [MemberData(nameof(AucCases))]
    public void Weighted_auc_matches_the_trapezoid_over_cumulative_sums(string name)
    {
        var c = SklearnFixture.Case(File, "expected_auc", name);
        var scores = SklearnFixture.Doubles(c.GetProperty("scores"));
        var positive = SklearnFixture.Doubles(c.GetProperty("positive"));
        var labels = SklearnFixture.Doubles(c.GetProperty("labels"));

        Assert.Equal(c.GetProperty("expected").GetDouble(), Auc(scores, positive), 12);
        Assert.Equal(c.GetProperty("realized").GetDouble(), Auc(scores, labels), 12);
    }

    [Theory]
    [MemberData(nameof(CalibrationCases))]
    public void Calibration_error_matches_equal_count_bins(string name)
    {
        var c = SklearnFixture.Case(File, "calibration_error", name);

        var error = CalibrationError.Compute(SklearnFixture.Doubles(c.GetProperty("probabilities")), SklearnFixture.Doubles(c.GetProperty("outcomes")));

        Assert.Equal(c.GetProperty("expected").GetDouble(), error, 12);
    }

    private static double Auc(double[] scores, double[] positive)
    {
        var keys = (double[])scores.Clone();
        var weights = (double[])positive.Clone();
        Array.Sort(keys, weights);
        return WeightedAuc.Compute(keys, weights, [.. weights.Select(w => 1 - w)]);
    }
}
