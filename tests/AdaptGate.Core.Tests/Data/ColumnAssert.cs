using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

internal static class ColumnAssert
{
    public static NumericColumn Numeric(DataTable table, string name, ColumnKind kind = ColumnKind.Numeric)
    {
        var column = Assert.IsType<NumericColumn>(table.Find(name));
        Assert.Equal(kind, column.Kind);
        return column;
    }

    public static CategoricalColumn Categorical(DataTable table, string name, ColumnKind kind = ColumnKind.Categorical)
    {
        var column = Assert.IsType<CategoricalColumn>(table.Find(name));
        Assert.Equal(kind, column.Kind);
        return column;
    }

    /// <summary>The decoded values of a categorical column, null for missing.</summary>
    public static List<string?> Decoded(CategoricalColumn column) =>
        [.. column.Codes.Select(code => code == CategoricalColumn.MissingCode ? null : column.Categories[code])];
}
