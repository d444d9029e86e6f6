using AdaptGate.Core.Sql;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.Sql;

/// <summary>What a DuckDB source that cannot be profiled says: the source as written, DuckDB's message with the query, what to do.</summary>
public sealed class SqlBadInputTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_failing_query_gives_duckdb_s_message_and_the_query()
    {
        const string source = "duckdb:SELECT nosuch FROM range(3)";

        var e = Assert.Throws<InputException>(() => SqlProfileSource.Profile(source));

        Assert.Equal(source, e.FilePath);
        Assert.StartsWith("DuckDB could not run the query: Binder Error: Referenced column \"nosuch\" not found", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("The query: SELECT nosuch FROM range(3)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_database_file_is_named_and_not_created()
    {
        var database = Path.Combine(_folder.Path, "warehouse.duckdb");

        var e = Assert.Throws<InputException>(() => SqlProfileSource.Profile($"duckdb:{database}?table=train"));

        Assert.Equal(database, e.FilePath);
        Assert.Equal("The DuckDB database file does not exist.", e.Message);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void A_table_that_is_not_there_names_the_source_and_the_tables_duckdb_suggests()
    {
        var database = Path.Combine(_folder.Path, "warehouse.duckdb");
        SqlTestData.Execute("CREATE TABLE train AS SELECT range AS x FROM range(5)", database);

        var e = Assert.Throws<InputException>(() => SqlProfileSource.Profile($"duckdb:{database}?table=trian"));

        Assert.Equal($"duckdb:{database}?table=trian", e.FilePath);
        Assert.Contains("Catalog Error: Table with name trian does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("The query: SELECT * FROM \"trian\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_file_s_table_profiles_read_only()
    {
        var database = Path.Combine(_folder.Path, "warehouse.duckdb");
        SqlTestData.Execute("CREATE TABLE train AS SELECT range AS x, range % 2 = 0 AS even FROM range(5)", database);
        var before = File.ReadAllBytes(database);

        var table = SqlProfileSource.Profile($"duckdb:{database}?table=train").Body;
        var query = SqlProfileSource.Profile($"duckdb:{database}?query=SELECT x FROM train WHERE x > 1").Body;

        Assert.Equal(5, table.Rows);
        Assert.Equal([("x", "numeric"), ("even", "boolean")], table.Columns.Select(c => (c.Name, c.Kind)));
        Assert.Equal([2L, 3], table.Columns[1].CategoryCounts!);
        Assert.Equal(3, query.Rows);
        Assert.Equal(before, File.ReadAllBytes(database));
    }

    [Fact]
    public void A_glob_matching_nothing_says_so()
    {
        var pattern = Path.Combine(_folder.Path, "lake", "*.parquet");

        var e = Assert.Throws<InputException>(() => SqlProfileSource.Profile($"duckdb:read_parquet('{pattern}')"));

        Assert.Contains($"No files found that match the pattern \"{pattern}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_of_a_type_without_a_drift_meaning_is_skipped_with_the_reason()
    {
        var profile = SqlProfileSource.Profile("duckdb:SELECT [i, i] AS pair, INTERVAL 1 DAY * i AS wait, i AS x FROM range(4) AS t(i)");

        Assert.Equal(["x"], profile.Body.Columns.Select(c => c.Name));
        Assert.Equal([("pair", "DuckDB type BIGINT[] has no numeric, Boolean, datetime or text meaning here; cast it in the query to compare it"), ("wait", "DuckDB type INTERVAL has no numeric, Boolean, datetime or text meaning here; cast it in the query to compare it")], profile.Skipped.Select(s => (s.Name, s.Reason)));
    }

    [Fact]
    public void Infinite_values_name_the_column()
    {
        var e = Assert.Throws<InputException>(() => SqlProfileSource.Profile("duckdb:SELECT CASE WHEN i = 2 THEN 'inf'::DOUBLE ELSE i END AS x FROM range(4) AS t(i)"));

        Assert.Equal("x", e.Column);
        Assert.StartsWith("The column holds infinite values", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb:", "Nothing follows 'duckdb:'.")]
    [InlineData("duckdb:warehouse.duckdb", "A database file needs the table or the query to profile.")]
    [InlineData("duckdb:warehouse.duckdb?tables=x", "After the database file 'warehouse.duckdb' comes '?table=NAME' or '?query=SELECT …'.")]
    [InlineData("duckdb:SELECT 1 AS x WHERE false", "The source has no rows.")]
    public void An_unusable_source_says_what_is_wrong(string source, string message)
    {
        var e = Assert.Throws<InputException>(() => SqlProfileSource.Profile(source));

        Assert.Equal(source, e.FilePath);
        Assert.Equal(message, e.Message);
    }
}
