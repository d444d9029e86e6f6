namespace AdaptGate.Core.Sql.DuckDb;

/// <summary>
/// A <c>duckdb:</c> source (docs/profiles.md, "SQL sources"): a query (<c>duckdb:SELECT …</c>), a database file and a
/// table or query in it (<c>duckdb:warehouse.duckdb?table=train</c>, <c>duckdb:warehouse.duckdb?query=SELECT …</c>), or
/// anything DuckDB reads after FROM, such as a table function (<c>duckdb:read_parquet('lake/*.parquet')</c>).
/// </summary>
public sealed record DuckDbSource(string Argument, string? DatabasePath, string Query)
{
    public const string Prefix = "duckdb:";

    private static readonly string[] QueryStarts = ["SELECT", "WITH", "FROM", "VALUES", "TABLE", "("];

    public static bool Recognizes(string argument) => argument.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InputException">Nothing after the prefix, or a database file without a table or query.</exception>
    public static DuckDbSource Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var text = argument[Prefix.Length..].Trim().TrimEnd(';').Trim();
        if (text.Length == 0)
        {
            throw Unusable(argument, "Nothing follows 'duckdb:'.");
        }

        if (StartsQuery(text))
        {
            return new DuckDbSource(argument, null, text);
        }

        var mark = text.IndexOf('?', StringComparison.Ordinal);
        if (mark > 0 && !text[..mark].Contains('(', StringComparison.Ordinal) && !text[..mark].Contains('\'', StringComparison.Ordinal))
        {
            var path = text[..mark];
            var parameter = text[(mark + 1)..];
            if (parameter.StartsWith("table=", StringComparison.OrdinalIgnoreCase) && parameter.Length > "table=".Length)
            {
                var table = parameter["table=".Length..].Trim();
                var quoted = string.Join('.', table.Split('.').Select(DuckDbDialect.Instance.QuoteIdentifier));
                return new DuckDbSource(argument, path, "SELECT * FROM " + quoted);
            }

            if (parameter.StartsWith("query=", StringComparison.OrdinalIgnoreCase) && StartsQuery(parameter["query=".Length..].Trim()))
            {
                return new DuckDbSource(argument, path, parameter["query=".Length..].Trim().TrimEnd(';').Trim());
            }

            throw Unusable(argument, $"After the database file '{path}' comes '?table=NAME' or '?query=SELECT …'.");
        }

        if (text.EndsWith(".duckdb", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".db", StringComparison.OrdinalIgnoreCase))
        {
            throw Unusable(argument, "A database file needs the table or the query to profile.");
        }

        return new DuckDbSource(argument, null, "SELECT * FROM " + text);
    }

    private static bool StartsQuery(string text) =>
        QueryStarts.Any(start => text.StartsWith(start, StringComparison.OrdinalIgnoreCase)
            && (start == "(" || text.Length == start.Length || char.IsWhiteSpace(text[start.Length]) || text[start.Length] == '('));

    private static InputException Unusable(string argument, string why) => new(
        $"{why}",
        argument,
        hint: "Write duckdb:SELECT …, duckdb:read_parquet('lake/*.parquet') or duckdb:warehouse.duckdb?table=train (docs/profiles.md, \"SQL sources\").");
}
