namespace AdaptGate.Core.Sql;

/// <summary>A column of a SQL source as described by the engine: its name, its position (0-based) and how it is read.</summary>
public sealed record SqlSourceColumn(string Name, int Position, SqlColumnType Type);

/// <summary>
/// One stretch of a column's values, [<paramref name="Low"/>, <paramref name="High"/>], cut into equal-width buckets
/// numbered from <paramref name="Offset"/>: a value v falls in bucket Offset + floor(v·Scale − Low·Scale). Ranges of
/// one query are disjoint and ascending and their offsets ascend too, so bucket numbers ascend with the values.
/// </summary>
public sealed record SqlBucketRange(double Low, double High, double Scale, long Offset);
