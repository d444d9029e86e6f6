using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

public sealed class DriftMethodsTests
{
    [Theory]
    [InlineData(DriftMethod.Ks, 0.05)]
    [InlineData(DriftMethod.ChiSquare, 0.05)]
    [InlineData(DriftMethod.Psi, 0.1)]
    [InlineData(DriftMethod.Wasserstein, 0.1)]
    [InlineData(DriftMethod.JensenShannon, 0.1)]
    public void DefaultThresholds(DriftMethod method, double expected) =>
        Assert.Equal(expected, DriftMethods.DefaultThreshold(method));

    [Fact]
    public void AutoHasNoThreshold() =>
        Assert.Throws<ArgumentException>(() => DriftMethods.DefaultThreshold(DriftMethod.Auto));

    [Theory]
    [InlineData(true, 1000, 5000, DriftMethod.Ks)]
    [InlineData(true, 5000, 1000, DriftMethod.Ks)]
    [InlineData(true, 1001, 1001, DriftMethod.Wasserstein)]
    [InlineData(false, 1000, 1000000, DriftMethod.ChiSquare)]
    [InlineData(false, 1001, 2000, DriftMethod.JensenShannon)]
    public void AutoResolvesByKindAndSmallerSample(bool numeric, long n, long m, DriftMethod expected) =>
        Assert.Equal(expected, DriftMethods.Resolve(DriftMethod.Auto, numeric, n, m));

    [Fact]
    public void ExplicitMethodsPassThroughResolve() =>
        Assert.Equal(DriftMethod.Psi, DriftMethods.Resolve(DriftMethod.Psi, numeric: true, 10, 10));

    [Theory]
    [InlineData(DriftMethod.Ks, true, true)]
    [InlineData(DriftMethod.Ks, false, false)]
    [InlineData(DriftMethod.Wasserstein, true, true)]
    [InlineData(DriftMethod.Wasserstein, false, false)]
    [InlineData(DriftMethod.ChiSquare, true, false)]
    [InlineData(DriftMethod.ChiSquare, false, true)]
    [InlineData(DriftMethod.Psi, true, true)]
    [InlineData(DriftMethod.Psi, false, true)]
    [InlineData(DriftMethod.JensenShannon, true, true)]
    [InlineData(DriftMethod.JensenShannon, false, true)]
    public void SupportsByKind(DriftMethod method, bool numeric, bool expected) =>
        Assert.Equal(expected, DriftMethods.Supports(method, numeric));

    [Theory]
    [InlineData("ks", DriftMethod.Ks)]
    [InlineData("KS", DriftMethod.Ks)]
    [InlineData("ChiSquare", DriftMethod.ChiSquare)]
    [InlineData("psi", DriftMethod.Psi)]
    [InlineData("Wasserstein", DriftMethod.Wasserstein)]
    [InlineData("JENSENSHANNON", DriftMethod.JensenShannon)]
    [InlineData("auto", DriftMethod.Auto)]
    public void ParsesNamesCaseInsensitively(string text, DriftMethod expected)
    {
        Assert.True(DriftMethods.TryParse(text, out DriftMethod parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kolmogorov")]
    [InlineData("chi2")]
    public void RejectsUnknownNames(string text) => Assert.False(DriftMethods.TryParse(text, out _));

    [Fact]
    public void NamesRoundTrip()
    {
        foreach (DriftMethod m in Enum.GetValues<DriftMethod>())
        {
            Assert.True(DriftMethods.TryParse(DriftMethods.Name(m), out DriftMethod back));
            Assert.Equal(m, back);
        }
    }
}
