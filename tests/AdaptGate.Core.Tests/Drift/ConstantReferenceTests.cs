using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>A numeric column that never varied in the reference: scored in a real unit, drifted as soon as it varies.</summary>
public sealed class ConstantReferenceTests
{
    private static readonly NumericSummary Constant = NumericSummary.FromValues(Enumerable.Repeat(5.0, 100).ToArray());

    [Theory]
    [InlineData(DriftMethod.Wasserstein)]
    [InlineData(DriftMethod.Psi)]
    [InlineData(DriftMethod.JensenShannon)]
    public void The_same_constant_in_both_files_scores_0_and_says_so(DriftMethod method)
    {
        var result = ConstantReference.Test(Constant, NumericSummary.FromValues(Enumerable.Repeat(5.0, 80).ToArray()), method);

        Assert.Equal(0, result.Score);
        Assert.False(result.Drifted);
        Assert.Equal("constant 5 in both files", result.Note);
    }

    [Fact]
    public void Wasserstein_is_in_pooled_standard_deviations_when_the_current_moves()
    {
        // 100 × 5 against 90 × 5 and 10 × 6: W = 0.1; pooled sd of 200 values with 10 at 6 = sqrt(0.05 · 0.95).
        var current = NumericSummary.FromValues([.. Enumerable.Repeat(5.0, 90), .. Enumerable.Repeat(6.0, 10)]);

        var result = ConstantReference.Test(Constant, current, DriftMethod.Wasserstein);

        Assert.Equal(0.1 / Math.Sqrt(0.05 * 0.95), result.Score, 12);
        Assert.True(result.Drifted);
        Assert.StartsWith("constant 5 in the reference, 10% of current values differ: scored in standard deviations of both files pooled", result.Note, StringComparison.Ordinal);
        Assert.True(WassersteinDistance.Normalized(Constant.Sorted, current.Sorted) > 99, "the statistic itself keeps SciPy parity's 0.001 fallback");
    }

    [Theory]
    [InlineData(DriftMethod.Psi)]
    [InlineData(DriftMethod.JensenShannon)]
    public void Binned_methods_see_values_above_the_constant(DriftMethod method)
    {
        var current = NumericSummary.FromValues([.. Enumerable.Repeat(5.0, 50), .. Enumerable.Repeat(7.0, 50)]);

        var result = ConstantReference.Test(Constant, current, method);

        // Three bins: below, at and above 5; the reference has them at 0, 1, 0 (0 read as 0.0001 by PSI).
        var expected = method == DriftMethod.Psi
            ? PopulationStabilityIndex.FromCounts([0, 100, 0], [0, 50, 50])
            : JensenShannonDistance.FromCounts([0, 100, 0], [0, 50, 50]);
        Assert.Equal(expected, result.Score);
        Assert.True(result.Score > 0.3, "score " + result.Score);
        Assert.True(result.Drifted);
        Assert.Contains("three bins", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Ks_keeps_its_test_and_gets_the_note()
    {
        var current = NumericSummary.FromValues([.. Enumerable.Repeat(5.0, 50), .. Enumerable.Repeat(7.0, 50)]);

        var result = ConstantReference.Test(Constant, current, DriftMethod.Ks);

        Assert.Equal(DriftTest.Numeric(Constant, current, DriftMethod.Ks).Score, result.Score);
        Assert.Equal("constant 5 in the reference", result.Note);
    }
}
