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
    /// p-values: absolute 1e-6 or relative 1e-3; below 1e-10 only relative 1e-3 counts, so tail
    /// values must really match. A SciPy 0 must come back as 0 (or below 1e-300).
    /// </summary>
    public static void PValue(double expected, double actual, string what)
    {
        string message = $"{what}: expected {expected:R}, got {actual:R}";
        if (expected == 0)
        {
            Assert.True(actual >= 0 && actual < 1e-300, message);
            return;
        }

        double relative = Math.Abs(actual - expected) / Math.Abs(expected);
        if (expected < 1e-10)
        {
            Assert.True(relative <= 1e-3, $"{message} (tail: relative {relative:R} > 1e-3)");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= 1e-6 || relative <= 1e-3, message);
    }
}
