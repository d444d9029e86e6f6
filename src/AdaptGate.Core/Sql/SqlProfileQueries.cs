using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Sql;

/// <summary>
/// Every query a SQL profile runs, written once in the SQL that DuckDB and ClickHouse share; what differs between
/// engines comes from the <see cref="ISqlDialect"/>. Each query reads the source relation (a SELECT) as a subquery and
/// returns a few rows, so the data stays in the engine and only kilobytes come back (docs/profiles.md, "SQL sources").
/// </summary>
public sealed class SqlProfileQueries
{
    /// <summary>Result columns per numeric column in <see cref="Moments"/>: count, min, max, mean, variance, largest fractional part.</summary>
    public const int NumberMomentsWidth = 6;

    private readonly ISqlDialect _dialect;
    private readonly string _relation;

    public SqlProfileQueries(ISqlDialect dialect, string relation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentException.ThrowIfNullOrWhiteSpace(relation);
        _dialect = dialect;
        _relation = relation;
    }

    public ISqlDialect Dialect => _dialect;

    /// <summary>Rows of (name, type) for the source's columns.</summary>
    public string Describe() => _dialect.DescribeQuery(_relation);

    /// <summary>
    /// One row: the row count, then per column in order, for a number <see cref="NumberMomentsWidth"/> values (count,
    /// min, max, mean, population variance of the finite values, the largest fractional part: 0 when all are whole) and
    /// for text one (its count). An infinity shows as an infinite min or max. Each CASE costs the engine about as much
    /// as the aggregates together, so there is only the one that keeps infinities out of the variance.
    /// </summary>
    public string Moments(IReadOnlyList<SqlSourceColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var select = new StringBuilder("SELECT count(*)");
        var prefix = AliasPrefix(columns);
        var largest = _dialect.DoubleLiteral(double.MaxValue);
        var lowest = _dialect.DoubleLiteral(-double.MaxValue);
        for (var i = 0; i < columns.Count; i++)
        {
            var c = Alias(prefix, i);
            if (columns[i].Type.IsNumber)
            {
                // Infinities are counted and refused; some engines fail on them in the variance rather than return it.
                var finite = $"CASE WHEN {c} > {largest} OR {c} < {lowest} THEN NULL ELSE {c} END";
                select.Append(CultureInfo.InvariantCulture, $", count({c}), min({c}), max({c}), avg({c}), {_dialect.PopulationVariance(finite)}, max({c} - floor({c}))");
            }
            else
            {
                select.Append(CultureInfo.InvariantCulture, $", count({c})");
            }
        }

        return select.Append(" FROM (").Append(Projection(columns)).Append(") AS adaptgate_values").ToString();
    }

    /// <summary>Rows of (category, count) of a categorical or boolean column's present values.</summary>
    public string Categories(SqlSourceColumn column) =>
        $"SELECT v, count(*) FROM ({Single(column)}) AS adaptgate_values WHERE v IS NOT NULL GROUP BY v";

    /// <summary>A numeric column's present values, ascending, one a row.</summary>
    public string SortedValues(SqlSourceColumn column) =>
        $"SELECT v FROM ({Single(column)}) AS adaptgate_values WHERE v IS NOT NULL ORDER BY v";

    /// <summary>
    /// The present values in the given buckets of each range (numbered as <see cref="Buckets"/> numbers them), ascending,
    /// one a row. Testing the bucket number against a list is an order of magnitude cheaper for an engine than a chain
    /// of ORed value ranges.
    /// </summary>
    public string ValuesInBuckets(SqlSourceColumn column, IReadOnlyList<(SqlBucketRange Range, IReadOnlyList<long> Numbers)> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var tests = buckets.Select(b => $"{InRange(b.Range)} AND {BucketNumber(b.Range)} IN ({string.Join(", ", b.Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))})");
        return $"SELECT v FROM ({Single(column)}) AS adaptgate_values WHERE {string.Join(" OR ", tests.Select(t => "(" + t + ")"))} ORDER BY v";
    }

    /// <summary>Rows of (bucket, count, min, max) for the present values inside the ranges, bucketed as <see cref="SqlBucketRange"/> says.</summary>
    public string Buckets(SqlSourceColumn column, IReadOnlyList<SqlBucketRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        // One range needs no CASE: the WHERE keeps only its values, and the CASE would cost as much as the grouping.
        var bucket = new StringBuilder(ranges.Count == 1 ? BucketNumber(ranges[0]) : "CASE");
        if (ranges.Count > 1)
        {
            foreach (var r in ranges)
            {
                bucket.Append(CultureInfo.InvariantCulture, $" WHEN {InRange(r)} THEN {BucketNumber(r)}");
            }

            bucket.Append(" END");
        }
        return $"SELECT b, count(*), min(v), max(v) FROM (SELECT {bucket} AS b, v FROM ({Single(column)}) AS adaptgate_values WHERE {Within(ranges)}) AS adaptgate_buckets GROUP BY b";
    }

    /// <summary>One row: per column and edge, how many present values lie strictly below the edge.</summary>
    public string BelowCounts(IReadOnlyList<(SqlSourceColumn Column, double[] Edges)> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var select = new StringBuilder("SELECT count(*)");
        var prefix = AliasPrefix(plans.Select(p => p.Column).ToArray());
        for (var i = 0; i < plans.Count; i++)
        {
            foreach (var edge in plans[i].Edges)
            {
                select.Append(CultureInfo.InvariantCulture, $", count(CASE WHEN {Alias(prefix, i)} < {_dialect.DoubleLiteral(edge)} THEN 1 END)");
            }
        }

        return select.Append(" FROM (").Append(Projection(plans.Select(p => p.Column).ToArray())).Append(") AS adaptgate_values").ToString();
    }

    /// <summary>One row: the number of distinct present values of a numeric column.</summary>
    public string DistinctCount(SqlSourceColumn column) =>
        $"SELECT count(DISTINCT v) FROM ({Single(column)}) AS adaptgate_values WHERE v IS NOT NULL";

    private static string Alias(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    // ClickHouse reads a name as an alias of the same SELECT before it reads it as a column of the FROM, so with an
    // alias c4 for one column, a source column named c4 would read that column's values: aliases start with no prefix
    // of a source column's name.
    private static string AliasPrefix(IReadOnlyList<SqlSourceColumn> columns)
    {
        var prefix = "c";
        while (columns.Any(c => c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            prefix = "_" + prefix;
        }

        return prefix;
    }

    private string Value(SqlSourceColumn column)
    {
        var quoted = _dialect.QuoteIdentifier(column.Name);
        return column.Type.IsNumber ? _dialect.NumberOf(quoted, column.Type) : _dialect.TextOf(quoted, column.Type);
    }

    private string Projection(IReadOnlyList<SqlSourceColumn> columns)
    {
        var prefix = AliasPrefix(columns);
        return "SELECT " + (columns.Count == 0 ? "1 AS c" : string.Join(", ", columns.Select((c, i) => $"{Value(c)} AS {Alias(prefix, i)}"))) + $" FROM ({_relation}) AS adaptgate_source";
    }

    private string Single(SqlSourceColumn column) => $"SELECT {Value(column)} AS v FROM ({_relation}) AS adaptgate_source";

    private string BucketNumber(SqlBucketRange r) =>
        $"{r.Offset} + {_dialect.WholeNumber($"floor(v * {_dialect.DoubleLiteral(r.Scale)} - {_dialect.DoubleLiteral(r.Low * r.Scale)})")}";

    private string InRange(SqlBucketRange r) => $"v >= {_dialect.DoubleLiteral(r.Low)} AND v <= {_dialect.DoubleLiteral(r.High)}";

    private string Within(IReadOnlyList<SqlBucketRange> ranges) =>
        ranges.Count == 0 ? "v IS NOT NULL" : "(" + string.Join(" OR ", ranges.Select(r => "(" + InRange(r) + ")")) + ")";
}
