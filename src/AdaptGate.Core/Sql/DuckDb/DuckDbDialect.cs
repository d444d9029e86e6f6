using System.Globalization;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Sql.DuckDb;

/// <summary>DuckDB's spelling of what <see cref="SqlProfileQueries"/> leaves to the engine.</summary>
public sealed class DuckDbDialect : ISqlDialect
{
    public static DuckDbDialect Instance { get; } = new();

    public string Name => "DuckDB";

    public string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string QuoteString(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    // A text cast, not a numeric literal: DuckDB reads 0.1 as a DECIMAL, and the round-trip text parses back exactly.
    public string DoubleLiteral(double value) => double.IsFinite(value)
        ? "CAST('" + value.ToString("R", CultureInfo.InvariantCulture) + "' AS DOUBLE)"
        : throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers are written as literals.");

    public string DescribeQuery(string query) => "DESCRIBE " + query;

    public SqlColumnType Classify(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var type = typeName.Trim().ToUpperInvariant();
        var head = type.Split('(', 2)[0].Trim();
        return head switch
        {
            "BOOLEAN" => SqlColumnType.Of(typeName, ColumnKind.Boolean),
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
                or "FLOAT" or "REAL" or "DOUBLE" or "DECIMAL" => SqlColumnType.Of(typeName, ColumnKind.Numeric),
            "DATE" or "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ" => SqlColumnType.Of(typeName, ColumnKind.Datetime),
            "VARCHAR" or "ENUM" => SqlColumnType.Of(typeName, ColumnKind.Categorical),
            _ => SqlColumnType.Skipped(typeName, $"DuckDB type {typeName} has no numeric, Boolean, datetime or text meaning here; cast it in the query to compare it"),
        };
    }

    public string NumberOf(string column, SqlColumnType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Kind == ColumnKind.Datetime)
        {
            return $"epoch({column})";
        }

        // Only floats hold NaN; a NaN is missing, as in a Parquet file read directly.
        var head = type.TypeName.Trim().ToUpperInvariant();
        return head is "FLOAT" or "REAL" or "DOUBLE"
            ? $"CASE WHEN isnan({column}) THEN NULL ELSE CAST({column} AS DOUBLE) END"
            : $"CAST({column} AS DOUBLE)";
    }

    public string TextOf(string column, SqlColumnType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind == ColumnKind.Boolean
            ? $"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' END"
            : $"CAST({column} AS VARCHAR)";
    }

    public string PopulationVariance(string expression) => $"var_pop({expression})";

    public string WholeNumber(string expression) => $"CAST({expression} AS BIGINT)";
}
