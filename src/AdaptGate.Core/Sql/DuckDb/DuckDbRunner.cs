using DuckDB.NET.Data;

namespace AdaptGate.Core.Sql.DuckDb;

/// <summary>
/// An embedded DuckDB for one source: in memory, or a database file opened read-only (so a profile never changes it).
/// DuckDB's refusals become <see cref="InputException"/>s naming the source and its query.
/// </summary>
internal sealed class DuckDbRunner : ISqlRunner
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDbSource _source;

    private DuckDbRunner(DuckDBConnection connection, DuckDbSource source)
    {
        _connection = connection;
        _source = source;
    }

    public static DuckDbRunner Open(DuckDbSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = new DuckDBConnectionStringBuilder { DataSource = source.DatabasePath ?? DuckDBConnectionStringBuilder.InMemoryDataSource };
        if (source.DatabasePath is { } path)
        {
            // DuckDB would create a missing database file; a profile only reads.
            if (!File.Exists(path))
            {
                throw new InputException("The DuckDB database file does not exist.", path, hint: $"Check the path in '{source.Argument}'; a relative path is resolved from {Directory.GetCurrentDirectory()}.");
            }

            settings["access_mode"] = "READ_ONLY";
        }

        var connection = new DuckDBConnection(settings.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new InputException($"DuckDB cannot open the database: {FirstLine(e.Message)}", source.DatabasePath, hint: "Check that it is a DuckDB database file of this DuckDB version (1.5) and that it is readable.", inner: e);
        }

        return new DuckDbRunner(connection, source);
    }

    public IReadOnlyList<object?[]> Query(string sql, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (DuckDBException e)
        {
            throw new InputException(
                $"DuckDB could not run the query: {FirstLine(e.Message)} The query: {_source.Query}",
                _source.Argument,
                hint: "Run the query in DuckDB itself to see where it fails, fix it and try again (docs/profiles.md, \"SQL sources\").",
                inner: e);
        }
    }

    public void Dispose() => _connection.Dispose();

    // DuckDB's later lines point a caret into the wrapping query AdaptGate wrote, not into the user's.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
