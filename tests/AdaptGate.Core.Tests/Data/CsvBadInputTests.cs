using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

/// <summary>Every way a text file can be wrong ends in an InputException that says where and what to do.</summary>
public sealed class CsvBadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(_dir.Path, "nope.csv");

        var error = Read(path);

        Assert.Equal(path, error.FilePath);
        Assert.Null(error.Line);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the spelling", error.Hint, StringComparison.Ordinal);
        Assert.IsNotType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Directory_instead_of_file()
    {
        var error = Read(_dir.Path);

        Assert.Equal(_dir.Path, error.FilePath);
        Assert.Contains("directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pass the path of a .csv", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Empty_file(byte[] content)
    {
        var path = _dir.WriteBytes("empty.csv", content);

        var error = Read(path);

        Assert.Equal(path, error.FilePath);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add a header row", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_first_line()
    {
        var path = _dir.Write("blank-first.csv", "\na,b\n1,2\n");

        var error = Read(path);

        Assert.Equal(1, error.Line);
        Assert.Contains("first line is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_only()
    {
        var path = _dir.Write("header.csv", "a,b\n");

        var error = Read(path);

        Assert.Equal(path, error.FilePath);
        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add the data rows", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5\n", 3, 2)]
    [InlineData("a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n", 4, 4)]
    public void Ragged_row(string content, int line, int found)
    {
        var path = _dir.Write("ragged.csv", content);

        var error = Read(path);

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Equal($"Expected 3 fields, as in the header, but found {found}.", error.Message);
        Assert.Contains("missing or extra delimiter", error.Hint, StringComparison.Ordinal);
        Assert.Equal($"{path}:{line}: Expected 3 fields, as in the header, but found {found}. {error.Hint}", error.Describe());
    }

    [Fact]
    public void Unclosed_quote_in_the_middle_reports_where_it_opened()
    {
        var path = _dir.Write("unclosed.csv", "a,b\n1,x\n2,\"open\n3,y\n4,z\n");

        var error = Read(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("b", error.Column);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add the closing quote", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_quote_on_the_last_line()
    {
        var path = _dir.Write("unclosed-end.csv", "a,b\n1,x\n2,\"open");

        var error = Read(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("b", error.Column);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_quote_after_a_multi_line_value_in_the_same_row()
    {
        var path = _dir.Write("unclosed-late.csv", "a,b,c\n1,\"x\ny\",\"open\n");

        var error = Read(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("c", error.Column);
    }

    [Fact]
    public void Text_after_closing_quote()
    {
        var path = _dir.Write("after-quote.csv", "a,b\n1,\"6\"\" tall\"\n2,\"6\" tall\n");

        var error = Read(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("b", error.Column);
        Assert.Contains("after its closing quote", error.Message, StringComparison.Ordinal);
        Assert.Contains("double any quote", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_quote_inside_an_unquoted_value()
    {
        var path = _dir.Write("stray.csv", "a,b\n1,x\n2,6\" tall\n3,y\n");

        var error = Read(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("b", error.Column);
        Assert.Contains("stray quote", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_column_names_name_both_positions()
    {
        var path = _dir.Write("dupe.csv", "id,x,y,x\n1,2,3,4\n");

        var error = Read(path);

        Assert.Equal(1, error.Line);
        Assert.Equal("x", error.Column);
        Assert.Equal("The header names this column twice, at positions 2 and 4.", error.Message);
        Assert.Contains("Rename one", error.Hint, StringComparison.Ordinal);
        Assert.Equal($"{path}:1: column 'x': The header names this column twice, at positions 2 and 4. {error.Hint}", error.Describe());
    }

    [Theory]
    [InlineData("a,,c\n1,2,3\n", "2")]
    [InlineData("a,b,\n1,2,3\n", "3")]
    [InlineData("a,\"  \",c\n1,2,3\n", "2")]
    public void Empty_column_name_names_its_position(string content, string position)
    {
        var path = _dir.Write("noname.csv", content);

        var error = Read(path);

        Assert.Equal(1, error.Line);
        Assert.Equal(position, error.Column);
        Assert.Equal($"Column {position} has no name in the header row.", error.Message);
        Assert.Contains("Give every column a name", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_reports_line_and_byte_offset()
    {
        // A Latin-1 'é' (0xE9) on line 3, after "a,b\n" (4 bytes), "1,x\n" (4) and "2,caf" (5): byte offset 13.
        byte[] content = [.. "a,b\n1,x\n2,caf"u8, 0xE9, .. "\n"u8];
        var path = _dir.WriteBytes("latin1.csv", content);

        var error = Read(path);

        Assert.Equal(path, error.FilePath);
        Assert.Equal(3, error.Line);
        Assert.Equal("The file is not valid UTF-8: bytes at byte offset 13 cannot be decoded.", error.Message);
        Assert.Contains("as UTF-8", error.Hint, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+inf")]
    [InlineData("-INF")]
    [InlineData("1e999")]
    public void Infinity_in_a_numeric_column(string token)
    {
        var path = _dir.Write("inf.csv", $"a,b\n1,x\n2,y\n{token},z\n4,w\n");

        var error = Read(path);

        Assert.Equal(path, error.FilePath);
        Assert.Equal(4, error.Line);
        Assert.Equal("a", error.Column);
        Assert.Equal($"'{token}' is not a finite number in an otherwise numeric column.", error.Message);
        Assert.Equal("Replace it with a finite value or mark it missing (leave it empty or write NA).", error.Hint);
    }

    [Fact]
    public void Infinity_in_a_text_column_is_just_text()
    {
        var path = _dir.Write("inf-text.csv", "a\ninf\nabc\n");

        Assert.Equal(["inf", "abc"], ColumnAssert.Categorical(TableReader.Read(path), "a").Categories);
    }

    [Fact]
    public void Unusable_delimiter()
    {
        var path = _dir.Write("quote-delimited.csv", "a\n1\n");

        var error = Assert.Throws<InputException>(() => TableReader.Read(path, new TableReadOptions { Delimiter = '"' }));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("cannot be used as the delimiter", error.Message, StringComparison.Ordinal);
    }

    private static InputException Read(string path)
    {
        var error = Assert.Throws<InputException>(() => TableReader.Read(path));
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
        return error;
    }
}
