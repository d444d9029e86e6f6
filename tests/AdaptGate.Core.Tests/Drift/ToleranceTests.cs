using Xunit.Sdk;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>The parity tolerance itself: what it lets through is what a parity test can miss.</summary>
public sealed class ToleranceTests
{
    [Theory]
    [InlineData(1e-8, 5e-7)]
    [InlineData(1e-8, 1.0001e-8)]
    [InlineData(0.5, 0.5000001)]
    [InlineData(1e-200, 1.00000001e-200)]
    [InlineData(0.0, 1e-301)]
    [InlineData(1.4657838e-316, 1.5e-316)]
    public void A_p_value_off_by_more_than_the_measured_error_fails(double expected, double actual) =>
        Assert.Throws<TrueException>(() => Tolerance.PValue(expected, actual, "p"));

    [Theory]
    [InlineData(0.004408218636137252, 0.004408218636136496)]
    [InlineData(8.724922778499382e-27, 8.724922778499372e-27)]
    [InlineData(1.4657838e-316, 1.4657837e-316)]
    [InlineData(0.0, 0.0)]
    public void The_largest_errors_measured_against_SciPy_pass(double expected, double actual) =>
        Tolerance.PValue(expected, actual, "p");
}
