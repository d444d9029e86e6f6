using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>ks, psi, jensenshannon and wasserstein on numeric columns against SciPy/numpy.</summary>
public sealed class NumericMethodParityTests
{
    public static TheoryData<string> Cases => ScipyFixture.NumericMethods.Value.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipy(string name)
    {
        var c = ScipyFixture.NumericMethods.Value[name];
        Assert.True(DriftMethods.TryParse(c.GetProperty("method").GetString()!, out DriftMethod method));
        var reference = NumericSummary.FromValues(ScipyFixture.Values(c.GetProperty("reference")));
        var current = NumericSummary.FromValues(ScipyFixture.Values(c.GetProperty("current")));
        Assert.Equal(c.GetProperty("nRef").GetInt32(), reference.Count);
        Assert.Equal(c.GetProperty("nCur").GetInt32(), current.Count);

        DriftTestResult result = DriftTest.Numeric(reference, current, method);

        Assert.Equal(method, result.Method);
        Tolerance.Statistic(c.GetProperty("score").GetDouble(), result.Score, DriftMethods.Name(method));
        if (c.TryGetProperty("pvalue", out var p))
        {
            Assert.NotNull(result.PValue);
            Tolerance.PValue(p.GetDouble(), result.PValue.Value, "p");
        }
        else
        {
            Assert.Null(result.PValue);
            Assert.Equal(result.Score >= DriftMethods.DefaultThreshold(method), result.Drifted);
        }
    }
}
