using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

public sealed class TabSeparatedResultTests
{
    [Fact]
    public void EscapesAndNullsAreRead()
    {
        var result = TabSeparatedResult.Parse("a\tb\nString\tNullable(Float64)\nx\\ty\\nz\\\\\t\\N\n\\'q\\0\t1.5\n");

        Assert.Equal(["a", "b"], result.Names);
        Assert.Equal(["String", "Nullable(Float64)"], result.Types);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(new string?[] { "x\ty\nz\\", null }, result.Rows[0].AsEnumerable());
        Assert.Equal(new string?[] { "'q\0", "1.5" }, result.Rows[1].AsEnumerable());
    }

    [Fact]
    public void AnEmptyResultHasItsColumnsAndNoRows()
    {
        var result = TabSeparatedResult.Parse("n\nUInt64\n");

        Assert.Equal(["n"], result.Names);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void ARowOfTheWrongWidthIsRefused()
    {
        Assert.Throws<InvalidDataException>(() => TabSeparatedResult.Parse("a\tb\nString\tString\nonly-one\n"));
    }
}
