using System.Buffers.Binary;
using System.Globalization;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// ClickHouse's spelling of what <see cref="SqlProfileQueries"/> leaves to the engine, for servers from 18.x on (the
/// version Debian packages): backquoted names, backslash-escaped strings, <c>varPopStable</c> (ClickHouse's
/// <c>varPop</c> sums squares and loses digits on large means), Nullable and LowCardinality looked through.
/// ClickHouse has no Boolean type before 21.12 (a flag is usually UInt8, so it is a number there).
/// </summary>
public sealed class ClickHouseDialect : ISqlDialect
{
    public static ClickHouseDialect Instance { get; } = new();

    public string Name => "ClickHouse";

    public string QuoteIdentifier(string name) => ClickHouseSource.Identifier(name);

    public string QuoteString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    // ClickHouse parses a numeric literal with strtod (exact), but refuses a subnormal one; those go as their bytes.
    public string DoubleLiteral(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers are written as literals.");
        }

        if (value != 0 && double.IsSubnormal(value))
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
            return $"reinterpretAsFloat64(unhex('{Convert.ToHexString(bytes)}'))";
        }

        return "toFloat64(" + value.ToString("R", CultureInfo.InvariantCulture) + ")";
    }

    public string DescribeQuery(string query) => "DESCRIBE TABLE (" + query + ")";

    public SqlColumnType Classify(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var bare = ClickHouseValues.Unwrapped(typeName);
        var head = bare.Split('(', 2)[0].Trim();
        return head switch
        {
            "Bool" => SqlColumnType.Of(typeName, ColumnKind.Boolean),
            "UInt8" or "UInt16" or "UInt32" or "UInt64" or "UInt128" or "UInt256" or "Int8" or "Int16" or "Int32" or "Int64" or "Int128" or "Int256"
                or "Float32" or "Float64" or "Decimal" or "Decimal32" or "Decimal64" or "Decimal128" or "Decimal256" => SqlColumnType.Of(typeName, ColumnKind.Numeric),
            "Date" or "Date32" or "DateTime" or "DateTime64" => SqlColumnType.Of(typeName, ColumnKind.Datetime),
            "String" or "FixedString" or "Enum8" or "Enum16" or "Enum" => SqlColumnType.Of(typeName, ColumnKind.Categorical),
            _ => SqlColumnType.Skipped(typeName, $"ClickHouse type {typeName} has no numeric, datetime or text meaning here; cast it in the query to compare it"),
        };
    }

    public string NumberOf(string column, SqlColumnType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var head = ClickHouseValues.Unwrapped(type.TypeName).Split('(', 2)[0].Trim();
        return head switch
        {
            // A Date is a day number: seconds at midnight UTC, as a date read from a file.
            "Date" or "Date32" => $"toFloat64(toInt64(toInt32({column})) * 86400)",
            // A DateTime is seconds since 1970 UTC whatever its display time zone.
            "DateTime" => $"toFloat64(toUInt32({column}))",
            "DateTime64" => $"toFloat64(toDecimal64({column}, 6))",
            // Only floats hold NaN; a NaN is missing, as in a Parquet file read directly.
            "Float32" or "Float64" => $"if(isNaN({column}), NULL, toFloat64({column}))",
            _ => $"toFloat64({column})",
        };
    }

    public string TextOf(string column, SqlColumnType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind == ColumnKind.Boolean ? $"if({column}, 'true', 'false')" : $"toString({column})";
    }

    public string PopulationVariance(string expression) => $"varPopStable({expression})";

    public string WholeNumber(string expression) => $"toInt64({expression})";
}
