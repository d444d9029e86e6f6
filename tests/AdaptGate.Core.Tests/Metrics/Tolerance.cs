using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>The parity tolerances of the brief: 1e-9 relative for scores and errors, 1e-9 absolute for log-loss.</summary>
internal static class Tolerance
{
    public static void AssertMatches(string name, double expected, double actual)
    {
        var allowed = name == MetricNames.LogLoss ? 1e-9 : Math.Max(1e-9 * Math.Abs(expected), 1e-15);
        Assert.True(
            Math.Abs(expected - actual) <= allowed,
            $"{name}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R}, allowed {allowed:R})");
    }

    /// <summary>Every metric sklearn answered must be in the set and match; a null answer (undefined) must be NaN.</summary>
    public static void AssertMatches(System.Text.Json.JsonElement expected, MetricSet actual)
    {
        var names = new List<string>();
        foreach (var property in expected.EnumerateObject())
        {
            names.Add(property.Name);
            Assert.True(actual.TryGetValue(property.Name, out var value), "missing metric " + property.Name);
            if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.True(double.IsNaN(value), $"{property.Name}: sklearn leaves it undefined, got {value:R}");
            }
            else
            {
                AssertMatches(property.Name, property.Value.GetDouble(), value);
            }
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), actual.Names.Order(StringComparer.Ordinal));
    }
}
