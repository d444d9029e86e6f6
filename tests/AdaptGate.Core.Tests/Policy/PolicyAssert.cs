using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>
/// Compares policies by value. Records compare their list and dictionary members by reference, so
/// those are compared element by element and the rest with the records' own equality.
/// </summary>
internal static class PolicyAssert
{
    public static void Equal(GatePolicy expected, GatePolicy actual)
    {
        Assert.Equal(expected.Ignore, actual.Ignore);
        Assert.Equal(expected.Columns.OrderBy(c => c.Key, StringComparer.Ordinal), actual.Columns.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Metrics.Primary, actual.Metrics.Primary);
        Assert.Equal(expected.Metrics.Floors.OrderBy(f => f.Key, StringComparer.Ordinal), actual.Metrics.Floors.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Input.Header, actual.Input.Header);
        Assert.Equal(expected.Input.ColumnNames, actual.Input.ColumnNames);
        Assert.Equal(expected.Input.NaValues, actual.Input.NaValues);
        Assert.Equal(WithoutCollections(expected), WithoutCollections(actual));
    }

    // The same instances on both sides, so the records' reference comparison of these members holds.
    private static readonly string[] NoNames = [];
    private static readonly Dictionary<string, ColumnPolicy> NoColumns = [];
    private static readonly MetricsPolicy NoMetrics = new();
    private static readonly InputPolicy NoInput = new();

    private static GatePolicy WithoutCollections(GatePolicy policy) =>
        policy with { Ignore = NoNames, Columns = NoColumns, Metrics = NoMetrics, Input = NoInput };
}
