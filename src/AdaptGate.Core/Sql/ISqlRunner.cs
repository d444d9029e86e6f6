namespace AdaptGate.Core.Sql;

/// <summary>
/// Runs queries on one engine for one source. A query the engine refuses becomes an <see cref="InputException"/> that
/// names the source as the user wrote it, gives the engine's message and the query, and says what to do; nothing else
/// of the engine's types leaks out. Values come back as null, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>
/// or <see cref="string"/> (<see cref="SqlValues"/> reads them).
/// </summary>
public interface ISqlRunner : IDisposable
{
    /// <summary>All rows of the query's result, each as its column values.</summary>
    IReadOnlyList<object?[]> Query(string sql, CancellationToken cancellationToken = default);
}
