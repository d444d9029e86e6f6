using AdaptGate.Core.Drift.Statistics;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>The special-function layer on its own: kstwo.sf and chi2.sf grids from SciPy, tails included.</summary>
public sealed class DistributionParityTests
{
    public static TheoryData<string> KolmogorovCases => ScipyFixture.KolmogorovSf.Value.Names();

    public static TheoryData<string> ChiSquaredCases => ScipyFixture.ChiSquaredSf.Value.Names();

    [Theory]
    [MemberData(nameof(KolmogorovCases))]
    public void KolmogorovSfMatchesScipyKstwo(string name)
    {
        var c = ScipyFixture.KolmogorovSf.Value[name];
        double actual = KolmogorovDistribution.Sf(c.GetProperty("d").GetDouble(), c.GetProperty("n").GetInt32());
        Tolerance.PValue(c.GetProperty("sf").GetDouble(), actual, name);
    }

    [Theory]
    [MemberData(nameof(ChiSquaredCases))]
    public void ChiSquaredSfMatchesScipyChi2(string name)
    {
        var c = ScipyFixture.ChiSquaredSf.Value[name];
        double actual = ChiSquaredDistribution.Sf(c.GetProperty("x").GetDouble(), c.GetProperty("dof").GetInt32());
        Tolerance.PValue(c.GetProperty("sf").GetDouble(), actual, name);
    }
}
