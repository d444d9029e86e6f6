using AdaptGate.Core.Profiles;
using AdaptGate.Core.Sql.ClickHouse;
using AdaptGate.Core.Sql.DuckDb;

namespace AdaptGate.Core.Sql;

/// <summary>
/// The one entry to SQL sources: a data argument such as <c>duckdb:SELECT * FROM read_parquet('lake/*.parquet')</c> or
/// <c>clickhouse://host:8123/logs?table=predictions</c> (docs/profiles.md, "SQL sources") profiled inside its engine into
/// the same <see cref="ProfileBody"/> a file's profile is. A server's login comes from the caller (Core reads no
/// environment); without one, ClickHouse's own default user logs in.
/// </summary>
public static class SqlProfileSource
{
    /// <summary>Whether the argument names a SQL source rather than a file.</summary>
    public static bool Recognizes(string argument) => argument is not null && (DuckDbSource.Recognizes(argument) || ClickHouseSource.IsClickHouse(argument));

    /// <summary>The source as a reference: each numeric column under its own decile plan.</summary>
    /// <exception cref="InputException">The source cannot be parsed, opened or queried, or holds no rows.</exception>
    public static SqlProfile Profile(string argument, CancellationToken cancellationToken = default) =>
        Profile(argument, credentials: null, cancellationToken);

    /// <inheritdoc cref="Profile(string, CancellationToken)"/>
    public static SqlProfile Profile(string argument, SqlCredentials? credentials, CancellationToken cancellationToken = default) =>
        Run(argument, credentials, context => SqlProfiler.Reference(context), cancellationToken);

    /// <summary>The source as the current data of a check against <paramref name="reference"/>: its numeric columns counted under the reference's plans.</summary>
    /// <exception cref="InputException">The source cannot be parsed, opened or queried, or holds no rows.</exception>
    public static SqlProfile ProfileCurrent(string argument, ProfileBody reference, CancellationToken cancellationToken = default) =>
        ProfileCurrent(argument, reference, credentials: null, cancellationToken);

    /// <inheritdoc cref="ProfileCurrent(string, ProfileBody, CancellationToken)"/>
    public static SqlProfile ProfileCurrent(string argument, ProfileBody reference, SqlCredentials? credentials, CancellationToken cancellationToken = default) =>
        Run(argument, credentials, context => SqlProfiler.Current(context, reference), cancellationToken);

    /// <summary>The files the source opens by name (a DuckDB database file), so an output is never written over one.</summary>
    public static IReadOnlyList<string> Files(string argument) =>
        DuckDbSource.Recognizes(argument) && DuckDbSource.Parse(argument).DatabasePath is { } path ? [path] : [];

    private static SqlProfile Run(string argument, SqlCredentials? credentials, Func<SqlProfileContext, SqlProfile> profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (ClickHouseSource.IsClickHouse(argument))
        {
            var server = ClickHouseSource.Parse(argument);
            using var clickHouse = new ClickHouseRunner(server, credentials ?? new SqlCredentials(ClickHouseSource.DefaultUser, string.Empty, "ClickHouse's default user, as no login was given"));
            return profile(new SqlProfileContext(clickHouse, new SqlProfileQueries(ClickHouseDialect.Instance, server.Query), argument, cancellationToken));
        }

        if (!DuckDbSource.Recognizes(argument))
        {
            throw new InputException("This is not a SQL source.", argument, hint: "Start it with 'duckdb:' or 'clickhouse://' (docs/profiles.md, \"SQL sources\").");
        }

        var source = DuckDbSource.Parse(argument);
        using var runner = DuckDbRunner.Open(source);
        return profile(new SqlProfileContext(runner, new SqlProfileQueries(DuckDbDialect.Instance, source.Query), argument, cancellationToken));
    }
}
