using AdaptGate.Core.Data;

namespace AdaptGate.Core.Sql;

/// <summary>
/// What one SQL engine spells its own way. <see cref="SqlProfileQueries"/> writes every query from these and otherwise
/// uses only SQL that DuckDB and ClickHouse both read (count, min, max, avg, floor, CASE, GROUP BY, ORDER BY, LIMIT), so
/// another engine needs an implementation of this interface and an <see cref="ISqlRunner"/>, and nothing in the builder.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The engine's name, for messages ("DuckDB").</summary>
    string Name { get; }

    /// <summary>A column name as a quoted identifier, any character in it escaped.</summary>
    string QuoteIdentifier(string name);

    /// <summary>A text literal.</summary>
    string QuoteString(string text);

    /// <summary>A literal of the engine's 64-bit float type that reads back as exactly <paramref name="value"/> (finite).</summary>
    string DoubleLiteral(double value);

    /// <summary>A query whose rows are each column's name and type name (the first two result columns), in order, for the relation <paramref name="query"/> (a SELECT).</summary>
    string DescribeQuery(string query);

    /// <summary>How a column of the engine's type <paramref name="typeName"/> (as <see cref="DescribeQuery"/> spells it) is summarised, or why it is skipped.</summary>
    SqlColumnType Classify(string typeName);

    /// <summary>
    /// An expression of the 64-bit float type for a numeric or datetime column (<paramref name="column"/> quoted): the
    /// number, or seconds since 1970-01-01 UTC for a date or timestamp; NULL where the value is missing, NaN included.
    /// </summary>
    string NumberOf(string column, SqlColumnType type);

    /// <summary>A text expression for a categorical or boolean column: the value as text ("false" and "true" for a boolean), NULL where missing.</summary>
    string TextOf(string column, SqlColumnType type);

    /// <summary>The population variance aggregate (ddof = 0) of a 64-bit float expression.</summary>
    string PopulationVariance(string expression);

    /// <summary>A 64-bit integer expression from a float expression that holds a whole number (grouping by it is faster than by the float).</summary>
    string WholeNumber(string expression);
}

/// <summary>An engine type as AdaptGate reads it: its kind, or null and the reason the column is skipped.</summary>
public sealed record SqlColumnType(string TypeName, ColumnKind? Kind, string? SkipReason)
{
    public static SqlColumnType Of(string typeName, ColumnKind kind) => new(typeName, kind, null);

    public static SqlColumnType Skipped(string typeName, string reason) => new(typeName, null, reason);

    /// <summary>Numeric or datetime: summarised through <see cref="ISqlDialect.NumberOf"/>.</summary>
    public bool IsNumber => Kind is ColumnKind.Numeric or ColumnKind.Datetime;
}
