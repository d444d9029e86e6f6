using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>The metric kernels against scikit-learn's answers on the synthetic fixture cases.</summary>
public sealed class KernelParityTests
{
    private const string File = "synthetic.json";

    public static TheoryData<string> BinaryCases => SklearnFixture.CaseNames(File, "binary");

    public static TheoryData<string> MulticlassCases => SklearnFixture.CaseNames(File, "multiclass");

    public static TheoryData<string> RegressionCases => SklearnFixture.CaseNames(File, "regression");

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_matches_sklearn(string name)
    {
        var c = SklearnFixture.Case(File, "binary", name);
        var probabilities = c.GetProperty("probabilities");
        var set = BinaryMetrics.Compute(
            SklearnFixture.Bools(c.GetProperty("labels")),
            SklearnFixture.Bools(c.GetProperty("predictions")),
            probabilities.ValueKind == System.Text.Json.JsonValueKind.Null ? null : SklearnFixture.Doubles(probabilities));

        Tolerance.AssertMatches(c.GetProperty("expected"), set);
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void Multiclass_matches_sklearn(string name)
    {
        var c = SklearnFixture.Case(File, "multiclass", name);
        var probabilities = c.GetProperty("probabilities");
        var set = MulticlassMetrics.Compute(
            SklearnFixture.Ints(c.GetProperty("labels")),
            SklearnFixture.Ints(c.GetProperty("predictions")),
            c.GetProperty("classCount").GetInt32(),
            probabilities.ValueKind == System.Text.Json.JsonValueKind.Null ? null : SklearnFixture.Doubles(probabilities));

        Tolerance.AssertMatches(c.GetProperty("expected"), set);
    }

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Regression_matches_sklearn(string name)
    {
        var c = SklearnFixture.Case(File, "regression", name);
        var set = RegressionMetrics.Compute(
            SklearnFixture.Doubles(c.GetProperty("labels")),
            SklearnFixture.Doubles(c.GetProperty("predictions")));

        Tolerance.AssertMatches(c.GetProperty("expected"), set);
    }

    [Fact]
    public void Fixtures_record_the_sklearn_version()
    {
        Assert.False(string.IsNullOrEmpty(SklearnFixture.Load(File).GetProperty("sklearn").GetString()));
    }
}
