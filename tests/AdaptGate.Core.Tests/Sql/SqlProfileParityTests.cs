using AdaptGate.Core.Data;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Sql;
using AdaptGate.Core.Summaries;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.Sql;

/// <summary>
/// The same data profiled by the file path and inside DuckDB (from the CSV and from Parquet) gives the same profile:
/// counts, missing, category counts, the decile plan and the counts under it exactly; the moments to the bit while a
/// column's values are held and within 1e-12 (relative) above, where DuckDB sums in its own order; the sketch within
/// its bound.
/// </summary>
public sealed class SqlProfileParityTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(8_000)]
    [InlineData(60_000)]
    public void A_csv_read_by_duckdb_profiles_as_the_file_does(int rows)
    {
        var csv = SqlTestData.WriteCsv(Path.Combine(_folder.Path, "train.csv"), rows, seed: rows);

        var file = Profiler.Profile([csv]);
        var sql = SqlProfileSource.Profile($"duckdb:SELECT * FROM read_csv('{csv}')");

        Assert.Empty(sql.Skipped);
        AssertSameProfile(file, sql.Body, Values(csv));
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(60_000)]
    public void Parquet_read_by_duckdb_profiles_as_the_csv_file_does(int rows)
    {
        var csv = SqlTestData.WriteCsv(Path.Combine(_folder.Path, "train.csv"), rows, seed: rows + 1);
        var parquet = SqlTestData.CsvToParquet(csv, Path.Combine(_folder.Path, "train.parquet"));

        var file = Profiler.Profile([csv]);
        var sql = SqlProfileSource.Profile($"duckdb:read_parquet('{parquet}')");

        AssertSameProfile(file, sql.Body, Values(csv));
        Assert.Equal([$"duckdb:read_parquet('{parquet}')"], sql.Body.Sources);
    }

    [Fact]
    public void A_current_source_is_counted_under_the_reference_s_plan()
    {
        var train = SqlTestData.WriteCsv(Path.Combine(_folder.Path, "train.csv"), 30_000, seed: 5);
        var now = SqlTestData.WriteCsv(Path.Combine(_folder.Path, "now.csv"), 20_000, seed: 6, shift: 0.5);
        var reference = Profiler.Profile([train]);
        var table = TableReader.Read(now);

        var current = SqlProfileSource.ProfileCurrent($"duckdb:SELECT * FROM read_csv('{now}')", reference).Body;

        foreach (var column in current.Columns.Where(c => c.Moments is not null))
        {
            var plan = reference.Columns.Single(c => c.Name == column.Name);
            using var summary = ColumnSummarizer.Current(table.Find(column.Name)!, ProfileSummaries.ToSummary(plan));
            Assert.Equal(plan.Edges, column.Edges);
            Assert.Equal(summary.BinCounts, column.BinCounts);
            Assert.Equal(summary.Moments!.Count, column.Moments!.Count);
        }
    }

    [Fact]
    public void A_duckdb_profile_merges_with_a_file_profile_as_the_whole_profiles()
    {
        var first = SqlTestData.WriteCsv(Path.Combine(_folder.Path, "part-1.csv"), 40_000, seed: 7);
        var second = SqlTestData.WriteCsv(Path.Combine(_folder.Path, "part-2.csv"), 25_000, seed: 8, shift: 0.2);
        var whole = Profiler.Profile([first, second]);
        var parquet = SqlTestData.CsvToParquet(first, Path.Combine(_folder.Path, "part-1.parquet"));
        var sql = SqlProfileSource.Profile($"duckdb:read_parquet('{parquet}')").Body;

        var merged = ProfileMerger.Merge([("part-1 (duckdb)", sql), (second, Profiler.Profile([second]))]);

        Assert.Equal(whole.Rows, merged.Rows);
        var values = Values(first).ToDictionary(p => p.Key, p => p.Value.Concat(Values(second)[p.Key]).Order().ToArray());
        for (var i = 0; i < whole.Columns.Count; i++)
        {
            var (expected, actual) = (whole.Columns[i], merged.Columns[i]);
            Assert.Equal((expected.Name, expected.Kind, expected.Rows, expected.Missing), (actual.Name, actual.Kind, actual.Rows, actual.Missing));
            Assert.Equal(Categories(expected), Categories(actual));
            if (expected.Moments is { } m)
            {
                Assert.Equal((m.Count, m.Min, m.Max, m.AllInteger), (actual.Moments!.Count, actual.Moments.Min, actual.Moments.Max, actual.Moments.AllInteger));
                AssertClose(m.Mean, actual.Moments.Mean);
                AssertClose(m.M2, actual.Moments.M2);
                Assert.True(SketchRankError.Of(actual.Sketch!, values[expected.Name]) <= KllSketch.RankErrorBound, $"{expected.Name}: rank error {SketchRankError.Of(actual.Sketch!, values[expected.Name])}");
            }
        }
    }

    internal static void AssertSameProfile(ProfileBody file, ProfileBody sql, Dictionary<string, double[]> sortedValues)
    {
        Assert.Equal(file.Rows, sql.Rows);
        Assert.Equal(file.Columns.Select(c => (c.Name, c.Kind, c.Rows, c.Missing)), sql.Columns.Select(c => (c.Name, c.Kind, c.Rows, c.Missing)));
        foreach (var (expected, actual) in file.Columns.Zip(sql.Columns))
        {
            Assert.Equal(Categories(expected), Categories(actual));
            if (expected.Moments is null)
            {
                continue;
            }

            Assert.Equal(expected.Edges, actual.Edges);
            Assert.Equal(expected.BinCounts, actual.BinCounts);
            Assert.Equal(expected.DistinctIntegers, actual.DistinctIntegers);
            if (expected.Values is not null)
            {
                Assert.Equal(expected.Moments, actual.Moments);
                Assert.Equal(expected.Values, actual.Values);
                Assert.Equal(expected.Sketch!.Levels.SelectMany(l => l), actual.Sketch!.Levels.SelectMany(l => l));
                continue;
            }

            var (m, s) = (expected.Moments, actual.Moments!);
            Assert.Null(actual.Values);
            Assert.Equal((m.Count, m.Min, m.Max, m.AllInteger), (s.Count, s.Min, s.Max, s.AllInteger));
            AssertClose(m.Mean, s.Mean);
            AssertClose(m.M2, s.M2);
            var error = SketchRankError.Of(actual.Sketch!, sortedValues[expected.Name]);
            Assert.True(error < 2.0 / SqlRankSummaryBound, $"{expected.Name}: rank error {error}");
        }
    }

    private const int SqlRankSummaryBound = 1024;

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{actual:R} is not within 1e-12 of {expected:R}");

    private static Dictionary<string, long> Categories(ProfileColumn column) =>
        (column.Categories ?? []).Zip(column.CategoryCounts ?? []).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Each numeric column's present values, ascending, as the file path reads them.</summary>
    private static Dictionary<string, double[]> Values(string csv) =>
        TableReader.Read(csv).Columns.OfType<NumericColumn>().ToDictionary(c => c.Name, c => c.Values.Where(v => !double.IsNaN(v)).Order().ToArray());
}
