namespace AdaptGate.Core.Sql;

/// <summary>One profile's engine, its queries and the source as the user wrote it (for messages).</summary>
public sealed record SqlProfileContext(ISqlRunner Runner, SqlProfileQueries Queries, string Source, CancellationToken CancellationToken);
