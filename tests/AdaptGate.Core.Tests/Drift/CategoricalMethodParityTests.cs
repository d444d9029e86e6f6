using System.Text.Json;
using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>chisquare, psi and jensenshannon on categorical columns against SciPy/numpy.</summary>
public sealed class CategoricalMethodParityTests
{
    public static TheoryData<string> Cases => ScipyFixture.CategoricalMethods.Value.Names();

    /// <summary>The chisquare cases, the only ones with degrees of freedom.</summary>
    public static TheoryData<string> ChiSquareCases => ScipyFixture.CategoricalMethods.Value.Names(c => c.GetProperty("method").GetString() == "chisquare");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipy(string name)
    {
        var c = ScipyFixture.CategoricalMethods.Value[name];
        Assert.True(DriftMethods.TryParse(c.GetProperty("method").GetString()!, out DriftMethod method));
        CategoricalSummary reference = Summary(c.GetProperty("reference"));
        CategoricalSummary current = Summary(c.GetProperty("current"));

        DriftTestResult result = DriftTest.Categorical(reference, current, method);

        Tolerance.Statistic(c.GetProperty("score").GetDouble(), result.Score, DriftMethods.Name(method));
        if (c.TryGetProperty("pvalue", out var p))
        {
            Assert.NotNull(result.PValue);
            Tolerance.PValue(p.GetDouble(), result.PValue.Value, "p");
            Assert.Equal(result.PValue.Value < 0.05, result.Drifted);
        }
        else
        {
            Assert.Null(result.PValue);
        }
    }

    [Theory]
    [MemberData(nameof(ChiSquareCases))]
    public void ChiSquareDegreesOfFreedomMatch(string name)
    {
        var c = ScipyFixture.CategoricalMethods.Value[name];
        var dof = c.GetProperty("dof");

        CategoricalSummary reference = Summary(c.GetProperty("reference"));
        CategoricalSummary current = Summary(c.GetProperty("current"));
        var aligned = Align(reference, current);
        Assert.Equal(dof.GetInt32(), ChiSquareTest.Homogeneity(aligned.Reference, aligned.Current).Dof);
    }

    [Fact]
    public void Every_chisquare_case_has_degrees_of_freedom_to_compare()
    {
        Assert.Equal(12, ChiSquareCases.Count);
        Assert.Equal(12, ScipyFixture.CategoricalMethods.Value.Names(c => c.TryGetProperty("dof", out _) && c.GetProperty("method").GetString() == "chisquare").Count);
    }

    private static (long[] Reference, long[] Current) Align(CategoricalSummary reference, CategoricalSummary current)
    {
        string[] all = [.. reference.Categories.Union(current.Categories, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        long[] Pick(CategoricalSummary s) =>
            [.. all.Select(k => s.Categories.Contains(k) ? s.Counts[s.Categories.ToList().IndexOf(k)] : 0L)];
        return (Pick(reference), Pick(current));
    }

    private static CategoricalSummary Summary(JsonElement side)
    {
        string[] categories = [.. side.GetProperty("categories").EnumerateArray().Select(e => e.GetString()!)];
        long[] counts = [.. side.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64())];
        return new CategoricalSummary(categories, counts, side.GetProperty("missing").GetInt32());
    }
}
