namespace AdaptGate.Core.Data;

/// <summary>One column of a loaded table, stored columnar.</summary>
public abstract class DataColumn
{
    protected DataColumn(string name, ColumnKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>Number of rows, missing values included.</summary>
    public abstract int Length { get; }

    public abstract int MissingCount { get; }

    /// <summary>Where the rows are in a text file, when the column was read from one; null otherwise.</summary>
    public RowLines? Lines { get; internal set; }

    /// <summary>The 1-based line of a row in its file (row + 2 when the lines are not known: one header line, one line a row).</summary>
    public long LineOf(int row) => Lines?.LineOf(row) ?? row + 2L;
}

/// <summary>
/// Numeric values as <see cref="double"/>; <see cref="double.NaN"/> marks a missing value.
/// Datetime columns use this shape too, as seconds since the Unix epoch (UTC).
/// </summary>
public sealed class NumericColumn : DataColumn
{
    public NumericColumn(string name, double[] values, ColumnKind kind = ColumnKind.Numeric)
        : base(name, kind)
    {
        Values = values;
        var missing = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                missing++;
            }
        }

        MissingCount = missing;
    }

    public double[] Values { get; }

    public override int Length => Values.Length;

    public override int MissingCount { get; }
}

/// <summary>
/// Dictionary-encoded text values: <see cref="Codes"/> index <see cref="Categories"/>, -1 marks a missing value.
/// Boolean columns use this shape with the categories "false" and "true".
/// </summary>
public sealed class CategoricalColumn : DataColumn
{
    public const int MissingCode = -1;

    public CategoricalColumn(string name, int[] codes, string[] categories, ColumnKind kind = ColumnKind.Categorical)
        : base(name, kind)
    {
        Codes = codes;
        Categories = categories;
        var missing = 0;
        foreach (var c in codes)
        {
            if (c == MissingCode)
            {
                missing++;
            }
        }

        MissingCount = missing;
    }

    public int[] Codes { get; }

    public string[] Categories { get; }

    public override int Length => Codes.Length;

    public override int MissingCount { get; }
}
