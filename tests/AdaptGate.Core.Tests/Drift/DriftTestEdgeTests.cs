using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

public sealed class DriftTestEdgeTests
{
    private static readonly NumericSummary Numbers = NumericSummary.FromValues([1.0, 2.0, 3.0]);
    private static readonly CategoricalSummary Colours = new(["red", "blue"], [3, 4], 0);

    [Theory]
    [InlineData(DriftMethod.ChiSquare)]
    public void NumericRejectsCategoricalOnlyMethods(DriftMethod method) =>
        Assert.Throws<ArgumentException>(() => DriftTest.Numeric(Numbers, Numbers, method));

    [Theory]
    [InlineData(DriftMethod.Ks)]
    [InlineData(DriftMethod.Wasserstein)]
    public void CategoricalRejectsNumericOnlyMethods(DriftMethod method) =>
        Assert.Throws<ArgumentException>(() => DriftTest.Categorical(Colours, Colours, method));

    [Fact]
    public void EmptyNumericSummaryThrows()
    {
        var allMissing = NumericSummary.FromValues([double.NaN, double.NaN]);
        Assert.Equal(0, allMissing.Count);
        Assert.Equal(2, allMissing.MissingCount);
        Assert.Throws<ArgumentException>(() => DriftTest.Numeric(Numbers, allMissing, DriftMethod.Ks));
        Assert.Throws<ArgumentException>(() => DriftTest.Numeric(allMissing, Numbers, DriftMethod.Psi));
    }

    [Fact]
    public void EmptyCategoricalSummaryThrows()
    {
        var allMissing = CategoricalSummary.FromCodes([-1, -1, -1], ["red", "blue"]);
        Assert.Equal(0, allMissing.Total);
        Assert.Equal(3, allMissing.MissingCount);
        Assert.Throws<ArgumentException>(() => DriftTest.Categorical(Colours, allMissing, DriftMethod.ChiSquare));
    }

    [Fact]
    public void AutoPicksKsForSmallNumericAndReportsResolvedMethod()
    {
        DriftTestResult result = DriftTest.Numeric(Numbers, Numbers, DriftMethod.Auto);
        Assert.Equal(DriftMethod.Ks, result.Method);
        Assert.Equal(0.05, result.Threshold);
        Assert.Equal(0.0, result.Score);
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Drifted);
    }

    [Fact]
    public void AutoPicksDistancesForLargeSamples()
    {
        var big = NumericSummary.FromValues([.. Enumerable.Range(0, 1500).Select(i => (double)i)]);
        Assert.Equal(DriftMethod.Wasserstein, DriftTest.Numeric(big, big, DriftMethod.Auto).Method);
        var bigCategorical = new CategoricalSummary(["a", "b"], [800, 700], 0);
        Assert.Equal(DriftMethod.JensenShannon, DriftTest.Categorical(bigCategorical, bigCategorical, DriftMethod.Auto).Method);
    }

    [Fact]
    public void ExplicitThresholdIsUsed()
    {
        var shifted = NumericSummary.FromValues([1.5, 2.5, 3.5]);
        DriftTestResult loose = DriftTest.Numeric(Numbers, shifted, DriftMethod.Wasserstein, threshold: 10);
        DriftTestResult strict = DriftTest.Numeric(Numbers, shifted, DriftMethod.Wasserstein, threshold: 0.01);
        Assert.Equal(loose.Score, strict.Score);
        Assert.False(loose.Drifted);
        Assert.True(strict.Drifted);
        Assert.Equal(10, loose.Threshold);
    }

    [Fact]
    public void CategoricalAlignmentIgnoresCategoryOrder()
    {
        var reference = new CategoricalSummary(["a", "b", "c"], [10, 20, 30], 0);
        var sameOrder = new CategoricalSummary(["a", "b", "c"], [12, 25, 20], 0);
        var otherOrder = new CategoricalSummary(["c", "a", "b"], [20, 12, 25], 0);
        foreach (DriftMethod method in new[] { DriftMethod.ChiSquare, DriftMethod.Psi, DriftMethod.JensenShannon })
        {
            Assert.Equal(
                DriftTest.Categorical(reference, sameOrder, method).Score,
                DriftTest.Categorical(reference, otherOrder, method).Score);
        }
    }

    [Fact]
    public void CategoriesAreMatchedOrdinally()
    {
        var reference = new CategoricalSummary(["A"], [10], 0);
        var current = new CategoricalSummary(["a"], [10], 0);
        DriftTestResult result = DriftTest.Categorical(reference, current, DriftMethod.ChiSquare);
        Assert.Equal(20.0, result.Score, 12);
        Assert.True(result.Drifted);
    }

    [Fact]
    public void SingleCategoryChiSquareIsDegenerate()
    {
        var only = new CategoricalSummary(["x"], [5], 1);
        DriftTestResult result = DriftTest.Categorical(only, new CategoricalSummary(["x"], [9], 0), DriftMethod.ChiSquare);
        Assert.Equal(0.0, result.Score);
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Drifted);
    }

    [Fact]
    public void NumericSummaryDropsNaNAndSortsACopy()
    {
        double[] raw = [3.0, double.NaN, -1.0, 2.0, double.NaN];
        var summary = NumericSummary.FromValues(raw);
        Assert.Equal([-1.0, 2.0, 3.0], summary.Sorted);
        Assert.Equal(2, summary.MissingCount);
        Assert.Equal(3, summary.Count);
        Assert.Equal(3.0, raw[0]);
    }

    [Fact]
    public void CategoricalSummaryFromCodesCountsAndRejectsBadCodes()
    {
        var summary = CategoricalSummary.FromCodes([0, 1, 1, -1, 0, 1], ["no", "yes"]);
        Assert.Equal([2L, 3L], summary.Counts);
        Assert.Equal(1, summary.MissingCount);
        Assert.Equal(5, summary.Total);
        Assert.Throws<ArgumentException>(() => CategoricalSummary.FromCodes([2], ["no", "yes"]));
        Assert.Throws<ArgumentException>(() => new CategoricalSummary(["a", "a"], [1, 2], 0));
        Assert.Throws<ArgumentException>(() => new CategoricalSummary(["a"], [1, 2], 0));
    }

    [Fact]
    public void PsiReplacesEmptyBinsAndIsZeroForIdenticalCounts()
    {
        Assert.Equal(0.0, PopulationStabilityIndex.FromCounts([5, 5], [50, 50]));
        double expected = ((0.0001 - 1.0) * Math.Log(0.0001 / 1.0)) + ((1.0 - 0.0001) * Math.Log(1.0 / 0.0001));
        Assert.Equal(expected, PopulationStabilityIndex.FromCounts([4, 0], [0, 7]), 12);
    }

    [Fact]
    public void JensenShannonOfDisjointSupportsIsSqrtLn2() =>
        Assert.Equal(Math.Sqrt(Math.Log(2)), JensenShannonDistance.FromCounts([3, 0], [0, 9]), 14);

    [Fact]
    public void WassersteinOfShiftIsTheShiftOverStd()
    {
        double[] reference = [0.0, 1.0, 2.0, 3.0];
        double[] current = [0.5, 1.5, 2.5, 3.5];
        Assert.Equal(0.5, WassersteinDistance.Distance(reference, current), 14);
        Assert.Equal(0.5 / Math.Sqrt(1.25), WassersteinDistance.Normalized(reference, current), 14);
    }

    [Fact]
    public void WassersteinWithConstantReferenceUsesTheFloor() =>
        Assert.Equal(0.25 / 0.001, WassersteinDistance.Normalized([2.0, 2.0], [2.0, 2.5]), 9);

    [Fact]
    public void QuantileEdgesDropDuplicatesAndBinRightClosedOnTheLeft()
    {
        double[] reference = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
        double[] edges = QuantileBinning.Edges(reference);
        Assert.Equal([0.0, 0.4, 1.3, 2.2, 3.1], edges, (a, b) => Math.Abs(a - b) < 1e-12);
        long[] counts = QuantileBinning.Counts(reference, edges);
        Assert.Equal([0L, 6L, 1L, 1L, 1L, 1L], counts);
    }

    [Fact]
    public void KsStatisticOnLargeColumnsIsALinearMerge()
    {
        var a = new double[1_000_000];
        var b = new double[1_000_000];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = i;
            b[i] = i + 100_000;
        }

        (double d, double p) = KolmogorovSmirnov.TwoSample(a, b);
        Assert.Equal(0.1, d, 12);
        Assert.True(p < 1e-300);
    }
}
