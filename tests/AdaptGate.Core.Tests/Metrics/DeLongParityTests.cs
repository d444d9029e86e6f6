using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>DeLong's auc and variance against a numpy/scipy implementation (tests/fixtures/uncertainty/generate.py).</summary>
public sealed class DeLongParityTests
{
    public static TheoryData<string> Names() => new(UncertaintyFixture.Cases("delong").Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Auc_and_variance_match_scipy(string name)
    {
        var c = UncertaintyFixture.Cases("delong").Single(e => e.GetProperty("name").GetString() == name);
        var label = SklearnFixture.Bools(c.GetProperty("label"));
        var score = SklearnFixture.Doubles(c.GetProperty("score"));

        var (auc, variance) = DeLong.Compute(label, score);

        Assert.Equal(c.GetProperty("auc").GetDouble(), auc, 12);
        Assert.Equal(c.GetProperty("variance").GetDouble(), variance, 1e-14);
        Assert.Equal(RocAuc.Compute(label, score), auc, 12);
    }

    [Fact]
    public void One_class_has_no_auc_and_no_variance()
    {
        var (auc, variance) = DeLong.Compute([true, true], [0.2, 0.4]);

        Assert.True(double.IsNaN(auc) && double.IsNaN(variance));
    }

    [Fact]
    public void The_normal_quantile_is_scipy_s()
    {
        // scipy.stats.norm.ppf(0.975), norm.ppf(0.95), norm.ppf(0.995)
        Assert.Equal(1.959963984540054, NormalQuantile.TwoSided(0.95), 12);
        Assert.Equal(1.6448536269514722, NormalQuantile.TwoSided(0.90), 12);
        Assert.Equal(2.5758293035489004, NormalQuantile.TwoSided(0.99), 12);
    }
}
