using System.Text.Json;
using AdaptGate.Tests.Shared;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// <c>check --reference "duckdb:…"</c> and <c>--current "duckdb:…"</c>: a side summarised inside DuckDB (the current one
/// counted under the reference's plans in the engine) gives the check of the same rows read from the file.
/// </summary>
public sealed class CheckSqlSourceTests
{
    private static readonly string Reference = RepoRoot.Combine("samples", "car-loan", "reference.csv");
    private static readonly string Current = RepoRoot.Combine("samples", "car-loan", "current.csv");

    [Fact]
    public void A_duckdb_reference_or_current_gives_the_check_of_the_files()
    {
        var files = Check(Reference, Current);
        var sqlReference = Check($"duckdb:SELECT * FROM read_csv('{Reference}')", Current);
        var sqlCurrent = Check(Reference, $"duckdb:SELECT * FROM read_csv('{Current}')");

        Assert.Equal("retrain", Verdict(files));
        foreach (var sql in new[] { sqlReference, sqlCurrent })
        {
            Assert.Equal(Verdict(files), Verdict(sql));
            Assert.Equal(Columns(files), Columns(sql));
        }
    }

    [Fact]
    public void A_query_duckdb_refuses_is_exit_2_with_its_message()
    {
        var run = CliRun.Of("check", "--reference", "duckdb:SELECT nosuch FROM range(3)", "--current", Current, "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Referenced column \"nosuch\" not found", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    private static JsonDocument Check(string reference, string current)
    {
        var run = CliRun.Of("check", "--reference", reference, "--current", current, "--format", "json", "--no-history");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout);
    }

    private static string? Verdict(JsonDocument report) => report.RootElement.GetProperty("verdict").GetString();

    // Every column's name, drifted flag, score and exactness: the summaries are the same, so are the scores.
    private static string[] Columns(JsonDocument report) =>
        [.. report.RootElement.GetProperty("drift").GetProperty("columns").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("drifted").GetBoolean()} {c.GetProperty("score").GetDouble():R} {c.GetProperty("exact")}")];
}
