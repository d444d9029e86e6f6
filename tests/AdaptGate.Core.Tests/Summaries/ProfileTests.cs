using System.IO.Compression;
using System.Text;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Tests.Summaries;

/// <summary>Profiles: what they hold, that they read back as written, merge like the whole, and refuse damage.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "profiles", Guid.NewGuid().ToString("N"));

    public ProfileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_profile_reads_back_as_written()
    {
        var body = ProfileSummaries.Of(Table(30_000, 1));
        var path = Path.Combine(_folder, "train.agprofile");

        ProfileFile.Write(path, body);
        var read = ProfileFile.Read(path);

        Assert.Equal(30_000, read.Rows);
        Assert.Equal(body.Columns.Select(c => (c.Name, c.Kind, c.Rows, c.Missing)), read.Columns.Select(c => (c.Name, c.Kind, c.Rows, c.Missing)));
        Assert.Equal(body.Columns[0].Moments, read.Columns[0].Moments);
        Assert.Equal(body.Columns[0].Edges, read.Columns[0].Edges);
        Assert.Equal(body.Columns[0].BinCounts, read.Columns[0].BinCounts);
        Assert.Equal(body.Columns[0].Sketch!.Levels.SelectMany(l => l), read.Columns[0].Sketch!.Levels.SelectMany(l => l));
        Assert.Equal(body.Columns[1].CategoryCounts, read.Columns[1].CategoryCounts);
    }

    [Fact]
    public void Values_are_kept_up_to_the_exact_limit_only()
    {
        // Every 50th row is missing: 9,800 values in the first, 10,094 in the second.
        var small = ProfileSummaries.Of(Table(10_000, 2));
        var large = ProfileSummaries.Of(Table(10_300, 2));

        Assert.Equal(9800, small.Columns[0].Values!.Length);
        Assert.Equal(10_094, large.Columns[0].Moments!.Count);
        Assert.Null(large.Columns[0].Values);
        Assert.NotNull(large.Columns[0].Sketch);
        Assert.True(large.Columns[0].Sketch!.Levels.Sum(l => l.Length) < 4 * KllSketch.DefaultK);
    }

    /// <summary>A column compared against its profile: the chart, psi and chi-square are those of the raw reference.</summary>
    [Fact]
    public void Comparing_with_a_profile_s_summary_gives_the_raw_reference_s_counts()
    {
        var reference = Table(40_000, 3);
        var current = Table(20_000, 4, shift: 0.3);
        var profile = ProfileSummaries.Of(reference);
        var comparer = new ColumnComparer(new CheckSettings(new GatePolicy(), new CheckRequest { ReferencePath = "r.csv", CurrentPath = "c.csv" }));

        for (var i = 0; i < reference.Columns.Count; i++)
        {
            using var raw = ColumnSummarizer.Reference(reference.Columns[i]);
            using var profiled = ProfileSummaries.ToSummary(profile.Columns[i]);
            using var currentSummary = ColumnSummarizer.Current(current.Columns[i], profiled);
            using var rawCurrent = ColumnSummarizer.Current(current.Columns[i], raw);
            var expected = comparer.Compare(raw, rawCurrent).Drift!;
            var actual = comparer.Compare(profiled, currentSummary).Drift!;

            Assert.Equal(expected.Distribution!.Bins, actual.Distribution!.Bins);
            Assert.Equal(expected.Distribution.Reference, actual.Distribution.Reference);
            Assert.Equal(expected.Distribution.Current, actual.Distribution.Current);
            Assert.Equal(expected.Psi, actual.Psi);
            Assert.Equal(expected.Drifted, actual.Drifted);
            if (reference.Columns[i] is CategoricalColumn)
            {
                Assert.Equal(expected.Score, actual.Score);
                Assert.True(actual.Exact);
            }
            else
            {
                Assert.False(actual.Exact);
                Assert.InRange(Math.Abs(actual.Score!.Value - expected.Score!.Value), 0, actual.ScoreBound!.Value);
            }
        }
    }

    [Fact]
    public void Merged_parts_equal_the_whole_in_counts_and_moments_and_are_within_the_bound_in_quantiles()
    {
        var whole = Table(60_000, 5);
        var parts = Enumerable.Range(0, 3).Select(p => ("part" + p, ProfileSummaries.Of(Slice(whole, p * 20_000, 20_000)))).ToArray();

        var merged = ProfileMerger.Merge(parts);
        var direct = ProfileSummaries.Of(whole);

        Assert.Equal(direct.Rows, merged.Rows);
        var (m, d) = (merged.Columns[0], direct.Columns[0]);
        Assert.Equal(d.Missing, m.Missing);
        Assert.Equal(d.Moments!.Count, m.Moments!.Count);
        Assert.Equal(d.Moments.Min, m.Moments.Min);
        Assert.Equal(d.Moments.Max, m.Moments.Max);
        Assert.Equal(d.Moments.Mean, m.Moments.Mean, 1e-9);
        Assert.Equal(d.Moments.M2, m.Moments.M2, d.Moments.M2 * 1e-9);
        Assert.Equal(direct.Columns[1].Categories, merged.Columns[1].Categories);
        Assert.Equal(d.BinCounts!.Sum(), m.BinCounts!.Sum());
        Assert.Equal(direct.Columns[1].CategoryCounts, merged.Columns[1].CategoryCounts);
        var sorted = ((NumericColumn)whole.Columns[0]).Values.Where(v => !double.IsNaN(v)).Order().ToArray();
        for (var k = 0; k < m.Edges!.Length; k++)
        {
            var rank = sorted.Count(v => v <= m.Edges[k]) / (double)sorted.Length;
            Assert.InRange(rank, ((k + 1) / 10.0) - (2 * KllSketch.RankErrorBound), ((k + 1) / 10.0) + (2 * KllSketch.RankErrorBound));
        }

        var exactCounts = QuantileBinning.Counts(sorted, m.Edges);
        for (var b = 0; b < exactCounts.Length; b++)
        {
            Assert.InRange(m.BinCounts![b], exactCounts[b] - (2 * KllSketch.RankErrorBound * sorted.Length), exactCounts[b] + (2 * KllSketch.RankErrorBound * sorted.Length));
        }
    }

    [Fact]
    public void Small_parts_merge_exactly()
    {
        var whole = Table(3000, 6);
        var merged = ProfileMerger.Merge([("a", ProfileSummaries.Of(Slice(whole, 0, 1000))), ("b", ProfileSummaries.Of(Slice(whole, 1000, 2000)))]);
        var direct = ProfileSummaries.Of(whole);

        Assert.Equal(direct.Columns[0].Values, merged.Columns[0].Values);
        Assert.Equal(direct.Columns[0].Edges, merged.Columns[0].Edges);
        Assert.Equal(direct.Columns[0].BinCounts, merged.Columns[0].BinCounts);
    }

    [Fact]
    public void Merging_different_schemas_names_the_file_and_the_column()
    {
        var a = ProfileSummaries.Of(Table(100, 1));
        var b = a with { Columns = [a.Columns[0], a.Columns[1] with { Kind = "boolean" }] };

        var error = Assert.Throws<InputException>(() => ProfileMerger.Merge([("a.agprofile", a), ("b.agprofile", b)]));

        Assert.Equal("b.agprofile", error.FilePath);
        Assert.Contains("column 2 is 'c' (categorical) in a.agprofile but 'c' (boolean) here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_profile_is_refused_by_its_hash()
    {
        var path = Path.Combine(_folder, "edited.agprofile");
        ProfileFile.Write(path, ProfileSummaries.Of(Table(100, 1)));
        var text = Unzip(path).Replace("\"rows\":100", "\"rows\":101", StringComparison.Ordinal);
        Zip(path, text);

        var error = Assert.Throws<InputException>(() => ProfileFile.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("does not match its sha256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_of_another_version_is_refused_with_both_versions()
    {
        var path = Path.Combine(_folder, "old.agprofile");
        ProfileFile.Write(path, ProfileSummaries.Of(Table(100, 1)));
        Zip(path, Unzip(path).Replace("\"version\":2", "\"version\":7", StringComparison.Ordinal));

        var error = Assert.Throws<InputException>(() => ProfileFile.Read(path));

        Assert.Equal("The profile has format version 7; this AdaptGate reads versions 1 and 2.", error.Message);
    }

    /// <summary>A profile written before roles and the data hash (version 1, without those keys) still reads.</summary>
    [Fact]
    public void A_version_1_profile_still_reads()
    {
        var path = Path.Combine(_folder, "v1.agprofile");
        ProfileFile.Write(path, ProfileSummaries.Of(Table(100, 1)));
        var text = Unzip(path);
        var body = text[(text.IndexOf("\"body\":", StringComparison.Ordinal) + 7)..^1].Replace(",\"sourceSha256\":null,\"roles\":null", string.Empty, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        Zip(path, $"{{\"format\":\"adaptgate-profile\",\"version\":1,\"sha256\":\"{hash}\",\"body\":{body}}}");

        var (read, sha256) = ProfileFile.ReadWithHash(path);

        Assert.DoesNotContain("roles", body, StringComparison.Ordinal);
        Assert.Equal(100, read.Rows);
        Assert.Null(read.Roles);
        Assert.Null(read.SourceSha256);
        Assert.Equal(hash, sha256);
    }

    /// <summary>A check knows a renamed profile by its content, and leaves gzip of anything else to the data reader.</summary>
    [Fact]
    public void A_profile_is_known_by_its_content_and_other_gzip_is_not_one()
    {
        var renamed = Path.Combine(_folder, "train.bin");
        ProfileFile.Write(Path.Combine(_folder, "train.agprofile"), ProfileSummaries.Of(Table(100, 1)));
        File.Copy(Path.Combine(_folder, "train.agprofile"), renamed);
        var csv = Path.Combine(_folder, "data.csv");
        Zip(csv, "x\n1\n2\n");

        Assert.True(ProfileFile.LooksLikeProfile(renamed));
        Assert.True(ProfileFile.LooksLikeProfile(Path.Combine(_folder, "missing.agprofile")));
        Assert.False(ProfileFile.LooksLikeProfile(csv));
        Assert.False(ProfileFile.LooksLikeProfile(Path.Combine(_folder, "missing.csv")));
    }

    [Fact]
    public void A_truncated_profile_is_refused()
    {
        var path = Path.Combine(_folder, "cut.agprofile");
        ProfileFile.Write(path, ProfileSummaries.Of(Table(5000, 1)));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InputException>(() => ProfileFile.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith("The profile cannot be read:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_matching_nothing_names_the_pattern()
    {
        var pattern = Path.Combine(_folder, "part-*.csv");

        var error = Assert.Throws<InputException>(() => DataSources.Expand(pattern));

        Assert.Equal(pattern, error.FilePath);
        Assert.Equal("The pattern matches no file.", error.Message);
    }

    [Fact]
    public void A_pattern_and_a_folder_list_their_files_in_order()
    {
        foreach (var name in new[] { "part-2.csv", "part-1.csv", "notes.txt" })
        {
            File.WriteAllText(Path.Combine(_folder, name), "a\n1\n");
        }

        Assert.Equal([Path.Combine(_folder, "part-1.csv"), Path.Combine(_folder, "part-2.csv")], DataSources.Expand(Path.Combine(_folder, "part-*.csv")));
        Assert.Equal([Path.Combine(_folder, "part-1.csv"), Path.Combine(_folder, "part-2.csv")], DataSources.Expand(_folder));
    }

    private static string Unzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Zip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    private static DataTable Table(int rows, int seed, double shift = 0)
    {
        var random = new Random(seed);
        var numbers = new double[rows];
        var codes = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            numbers[i] = i % 50 == 0 ? double.NaN : (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())) + shift;
            codes[i] = i % 40 == 0 ? -1 : (random.NextDouble() < 0.5 + (shift / 2) ? 0 : random.Next(1, 4));
        }

        return new DataTable("data.csv", [new NumericColumn("x", numbers), new CategoricalColumn("c", codes, ["a", "b", "c", "d"])], rows);
    }

    private static DataTable Slice(DataTable table, int start, int length)
    {
        var x = (NumericColumn)table.Columns[0];
        var c = (CategoricalColumn)table.Columns[1];
        return new DataTable("part.csv", [new NumericColumn("x", x.Values[start..(start + length)]), new CategoricalColumn("c", c.Codes[start..(start + length)], c.Categories)], length);
    }
}
