using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>Builds small in-memory tables for tests (TableReader lives on another branch).</summary>
internal static class TestTables
{
    public static DataTable Of(params DataColumn[] columns) => new("test.csv", columns, columns[0].Length);

    public static NumericColumn Numbers(string name, params double[] values) => new(name, values);

    /// <summary>Text values; null is a missing value.</summary>
    public static CategoricalColumn Text(string name, params string?[] values) => Encode(name, values, ColumnKind.Categorical);

    public static CategoricalColumn Booleans(string name, params bool?[] values) =>
        Encode(name, values.Select(v => v is null ? null : v.Value ? "true" : "false").ToArray(), ColumnKind.Boolean);

    private static CategoricalColumn Encode(string name, string?[] values, ColumnKind kind)
    {
        var categories = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                codes[i] = CategoricalColumn.MissingCode;
                continue;
            }

            if (!index.TryGetValue(value, out var code))
            {
                code = categories.Count;
                index.Add(value, code);
                categories.Add(value);
            }

            codes[i] = code;
        }

        return new CategoricalColumn(name, codes, categories.ToArray(), kind);
    }
}
