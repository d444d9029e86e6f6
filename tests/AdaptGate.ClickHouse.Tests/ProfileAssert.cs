using AdaptGate.Core.Profiles;
using AdaptGate.Core.Tests.Sql;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>
/// Two profiles of the same data agree: counts, missing, category counts, the decile plan and the counts under it
/// exactly; the moments to the bit while a column's values are held and within 1e-12 (relative) above, where the
/// cluster sums in its own order; the sketch within its stated rank error of the exact ranks.
/// </summary>
internal static class ProfileAssert
{
    /// <summary>The SQL layer's rank-error bound: 2/1024 of the count (docs/profiles.md).</summary>
    public const double SketchBound = 2.0 / 1024;

    public static void Same(ProfileBody file, ProfileBody cluster, ClusterTable table)
    {
        Assert.Equal(file.Rows, cluster.Rows);
        Assert.Equal(file.Columns.Select(c => (c.Name, c.Kind, c.Rows, c.Missing)), cluster.Columns.Select(c => (c.Name, c.Kind, c.Rows, c.Missing)));
        foreach (var (expected, actual) in file.Columns.Zip(cluster.Columns))
        {
            Assert.Equal(Categories(expected), Categories(actual));
            if (expected.Moments is not { } m)
            {
                continue;
            }

            Assert.Equal(expected.Edges, actual.Edges);
            Assert.Equal(expected.BinCounts, actual.BinCounts);
            Assert.Equal(expected.DistinctIntegers, actual.DistinctIntegers);
            if (expected.Values is not null)
            {
                Assert.Equal(m, actual.Moments);
                Assert.Equal(expected.Values, actual.Values);
                continue;
            }

            var s = actual.Moments!;
            Assert.Null(actual.Values);
            Assert.Equal((m.Count, m.Min, m.Max, m.AllInteger), (s.Count, s.Min, s.Max, s.AllInteger));
            Close(m.Mean, s.Mean);
            Close(m.M2, s.M2);
            var error = SketchRankError.Of(actual.Sketch!, Sorted(table, expected.Name));
            Assert.True(error <= SketchBound, $"{expected.Name}: rank error {error}");
        }
    }

    public static double[] Sorted(ClusterTable table, string column) =>
        [.. table.Columns.Single(c => c.Name == column).Cells.Where(c => c is not null).Select(c => (double)c!).Order()];

    public static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{actual:R} is not within 1e-12 of {expected:R}");

    public static Dictionary<string, long> Categories(ProfileColumn column) =>
        (column.Categories ?? []).Zip(column.CategoryCounts ?? []).ToDictionary(p => p.First, p => p.Second);
}
