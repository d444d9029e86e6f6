using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>DriftTest.Numeric(..., Ks) against scipy.stats.ks_2samp(method="auto").</summary>
public sealed class KolmogorovSmirnovParityTests
{
    public static TheoryData<string> Cases => ScipyFixture.KsTwoSample.Value.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipyKs2Samp(string name)
    {
        var c = ScipyFixture.KsTwoSample.Value[name];
        var reference = NumericSummary.FromValues(ScipyFixture.Values(c.GetProperty("reference")));
        var current = NumericSummary.FromValues(ScipyFixture.Values(c.GetProperty("current")));
        Assert.Equal(c.GetProperty("nRef").GetInt32(), reference.Count);
        Assert.Equal(c.GetProperty("nCur").GetInt32(), current.Count);

        DriftTestResult result = DriftTest.Numeric(reference, current, DriftMethod.Ks);

        Tolerance.Statistic(c.GetProperty("score").GetDouble(), result.Score, "D");
        Assert.NotNull(result.PValue);
        Tolerance.PValue(c.GetProperty("pvalue").GetDouble(), result.PValue.Value, "p");
        Assert.Equal(result.PValue.Value < 0.05, result.Drifted);
    }
}
