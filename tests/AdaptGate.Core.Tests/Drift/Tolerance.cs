namespace AdaptGate.Core.Tests.Drift;

/// <summary>The agreed parity tolerances against SciPy.</summary>
internal static class Tolerance
{
    /// <summary>Statistics and scores: relative 1e-9 (absolute 1e-12 when SciPy's value is 0).</summary>
    public static void Statistic(double expected, double actual, string what)
    {
        double allowed = expected == 0 ? 1e-12 : Math.Abs(expected) * 1e-9;
        Assert.True(
            Math.Abs(actual - expected) <= allowed,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):R} > {allowed:R})");
    }

    /// <summary>
    /// p-values: relative 1e-12, at every size, so a small p-value must match as closely as a large one (an
    /// absolute allowance would let 5e-7 pass for 1e-8). Measured over every p-value of the SciPy fixtures (797 of
    /// them, the kstwo.sf and chi2.sf grids, ks_2samp and chisquare): the largest relative error is 1.7e-13
    /// (kstwo.sf n=140 d=0.1464). Only below the smallest normal double, where the spacing of doubles is
    /// absolute, an absolute 1e-321 counts instead (measured: 1e-323 at kstwo.sf n=500, 1.47e-316). A SciPy 0
    /// must come back as exactly 0, as all 34 do.
    /// </summary>
    public static void PValue(double expected, double actual, string what)
    {
        string message = $"{what}: expected {expected:R}, got {actual:R}";
        if (expected == 0)
        {
            Assert.True(actual == 0, message);
            return;
        }

        double difference = Math.Abs(actual - expected);
        if (Math.Abs(expected) < SmallestNormal)
        {
            Assert.True(difference <= 1e-321, $"{message} (subnormal: |diff| {difference:R} > 1e-321)");
            return;
        }

        double relative = difference / Math.Abs(expected);
        Assert.True(relative <= PValueRelative, $"{message} (relative {relative:R} > {PValueRelative:R})");
    }

    public const double PValueRelative = 1e-12;

    private const double SmallestNormal = 2.2250738585072014e-308;
}
