using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

public sealed class CsvFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_newlines()
    {
        var path = _dir.Write("quoted.csv",
            "id,text\n" +
            "1,\"Smith, John\"\n" +
            "2,\"he said \"\"hi\"\"\"\n" +
            "3,\"two\r\nlines\"\n" +
            "4,plain\n");

        var text = ColumnAssert.Categorical(TableReader.Read(path), "text");

        Assert.Equal(["Smith, John", "he said \"hi\"", "two\r\nlines", "plain"], ColumnAssert.Decoded(text));
    }

    [Fact]
    public void Quoted_numbers_are_still_numbers()
    {
        var path = _dir.Write("quoted-numbers.csv", "\"a\",\"b\"\n\"1.5\",\"2\"\n");

        var table = TableReader.Read(path);

        Assert.Equal([1.5], ColumnAssert.Numeric(table, "a").Values);
        Assert.Equal([2.0], ColumnAssert.Numeric(table, "b").Values);
    }

    [Fact]
    public void Line_numbers_after_a_multi_line_value_count_physical_lines()
    {
        // The bad value sits on physical line 5 although it is the third data row.
        var path = _dir.Write("lines.csv", "a,b\n1,\"x\ny\"\n2,z\ninf,w\n");

        var error = Assert.Throws<InputException>(() => TableReader.Read(path));

        Assert.Equal(5, error.Line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_with_and_without_bom_reads_the_same(bool withBom)
    {
        byte[] bom = withBom ? [0xEF, 0xBB, 0xBF] : [];
        var path = _dir.WriteBytes("bom.csv", [.. bom, .. "név,x\nÅse,1\n"u8]);

        var table = TableReader.Read(path);

        Assert.Equal("név", table.Columns[0].Name);
        Assert.Equal(["Åse"], ColumnAssert.Categorical(table, "név").Categories);
    }

    [Theory]
    [InlineData("data.tsv")]
    [InlineData("data.TAB")]
    public void Tab_separated_by_extension(string fileName)
    {
        var path = _dir.Write(fileName, "a\tb\n1,5\tx y\n");

        var table = TableReader.Read(path);

        Assert.Equal(["1,5"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "a")));
        Assert.Equal(["x y"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "b")));
    }

    [Fact]
    public void Explicit_delimiter_overrides_the_extension()
    {
        var path = _dir.Write("european.csv", "a;b\n1.5;\"x;y\"\n");

        var table = TableReader.Read(path, new TableReadOptions { Delimiter = ';' });

        Assert.Equal([1.5], ColumnAssert.Numeric(table, "a").Values);
        Assert.Equal(["x;y"], ColumnAssert.Categorical(table, "b").Categories);
    }

    [Fact]
    public void Decimal_comma_is_text_not_a_thousands_separator()
    {
        // "1,5" must not become 15 once the column is known to be numeric.
        var path = _dir.Write("decimal-comma.csv", "a;b\n1;2\n1,5;3\n");

        var table = TableReader.Read(path, new TableReadOptions { Delimiter = ';' });

        Assert.Equal(["1", "1,5"], ColumnAssert.Categorical(table, "a").Categories);
        Assert.Equal([2, 3], ColumnAssert.Numeric(table, "b").Values);
    }

    [Fact]
    public void Unknown_extension_defaults_to_comma()
    {
        var path = _dir.Write("export.txt", "a,b\n1,2\n");

        Assert.Equal(2, TableReader.Read(path).Columns.Count);
    }

    [Fact]
    public void Cancellation_is_not_reported_as_bad_input()
    {
        var path = _dir.Write("cancel.csv", "a\n1\n");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => TableReader.Read(path, ct: cancelled.Token));
    }

    [Fact]
    public void Crlf_line_endings_and_no_final_newline()
    {
        var path = _dir.Write("crlf.csv", "a,b\r\n1,x\r\n2,y");

        var table = TableReader.Read(path);

        Assert.Equal([1, 2], ColumnAssert.Numeric(table, "a").Values);
        Assert.Equal(["x", "y"], ColumnAssert.Categorical(table, "b").Categories);
    }
}
