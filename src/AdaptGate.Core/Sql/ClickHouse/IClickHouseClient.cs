namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// Runs one query on a ClickHouse server and returns its result. Everything AdaptGate asks of ClickHouse goes through
/// this, so a newer server can be served by the driver's typed reader without touching the SQL (docs/profiles.md).
/// A failure is an <see cref="InputException"/> that names the server and, for a query that failed, the query.
/// </summary>
public interface IClickHouseClient : IDisposable
{
    /// <summary>The server as messages name it: host:port.</summary>
    string Server { get; }

    Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken = default);
}
