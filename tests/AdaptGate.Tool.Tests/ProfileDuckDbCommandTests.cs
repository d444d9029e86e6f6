using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace AdaptGate.Tool.Tests;

/// <summary><c>adaptgate profile "duckdb:…"</c>: a profile computed inside DuckDB, and how a source that cannot be profiled reads (exit 2, one line, no stack trace).</summary>
public sealed class ProfileDuckDbCommandTests
{
    [Fact]
    public void A_duckdb_query_profiles_as_the_csv_file_does()
    {
        using var dir = new TempDir();
        var csv = dir.File("train.csv", "x,c\n1,a\n2,b\n3,a\n4,b\n,a\n");
        var fromFile = Path.Combine(dir.Path, "file.agprofile");
        var fromSql = Path.Combine(dir.Path, "sql.agprofile");
        Assert.Equal(0, CliRun.Of("profile", csv, "-o", fromFile).ExitCode);

        var run = CliRun.Of("profile", $"duckdb:SELECT * FROM read_csv('{csv}')", "--output", fromSql);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Wrote {fromSql}: 5 rows, 2 columns from 1 part,", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(Body(fromFile), Body(fromSql));
    }

    [Fact]
    public void A_skipped_column_is_named_with_its_reason()
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "p.agprofile");

        var run = CliRun.Of("profile", "duckdb:SELECT [1, 2] AS pair, 3 AS x", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Skipped column 'pair': DuckDB type INTEGER[] has no numeric, Boolean, datetime or text meaning here; cast it in the query to compare it.\n", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb:SELECT nosuch FROM range(3)", "Binder Error: Referenced column \"nosuch\" not found")]
    [InlineData("duckdb:read_parquet('/nonexistent-lake/*.parquet')", "No files found that match the pattern \"/nonexistent-lake/*.parquet\"")]
    [InlineData("duckdb:/nonexistent/warehouse.duckdb?table=train", "The DuckDB database file does not exist.")]
    public void A_source_that_cannot_be_profiled_exits_2_in_one_line(string source, string message)
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "p.agprofile");

        var run = CliRun.Of("profile", source, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_profile_is_never_written_over_the_database_it_reads()
    {
        using var dir = new TempDir();
        var database = Path.Combine(dir.Path, "warehouse.agprofile");
        File.WriteAllText(database, "not a profile");

        var run = CliRun.Of("profile", $"duckdb:{database}?table=train", "-o", database);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("not a profile", File.ReadAllText(database));
    }

    private static string Body(string profile)
    {
        using var gzip = new GZipStream(File.OpenRead(profile), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var text = reader.ReadToEnd();
        // What names the source differs by design: the files' names, and the data file's hash, which a query has no file to give.
        var body = Regex.Replace(text[text.IndexOf("\"body\":", StringComparison.Ordinal)..], "\"sources\":\\[[^\\]]*\\]", string.Empty);
        return Regex.Replace(body, "\"sourceSha256\":(null|\"[0-9a-f]{64}\")", string.Empty);
    }
}
