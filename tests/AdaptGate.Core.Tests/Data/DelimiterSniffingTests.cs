using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

/// <summary>
/// A file named .csv whose first line holds no comma is read with the delimiter that splits its first
/// lines consistently (Excel's semicolon exports), with a warning; an inconsistent split is an error
/// with the option to pass; a delimiter the user gives is never second-guessed.
/// </summary>
public sealed class DelimiterSniffingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void A_csv_separated_by_another_delimiter_is_read_with_it(string delimiter)
    {
        var path = _dir.Write("data.csv", string.Join("\n", new[] { "num;cat;flag", "1.5;a;true", "2.5;b;false", "3.5;a;true" }.Select(l => l.Replace(";", delimiter, StringComparison.Ordinal))) + "\n");

        var table = TableReader.Read(path);

        Assert.Equal(["num", "cat", "flag"], table.Columns.Select(c => c.Name));
        Assert.Equal([1.5, 2.5, 3.5], ColumnAssert.Numeric(table, "num").Values);
        Assert.Equal(["a", "b", "a"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "cat")));
        var warning = Assert.Single(table.Warnings);
        Assert.Contains(path, warning, StringComparison.Ordinal);
        Assert.Contains(delimiter == "\t" ? "tab" : $"'{delimiter}'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_delimiters_do_not_count_when_sniffing()
    {
        var path = _dir.Write("quoted.csv", "a;b\n\"x;y\";1\n\"z\";2\n");

        var table = TableReader.Read(path);

        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal(["x;y", "z"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "a")));
    }

    [Fact]
    public void An_inconsistent_split_is_an_error_naming_the_option()
    {
        var path = _dir.Write("odd.csv", "a;b;c\n1;2;3\n4;5\n6;7;8\n");

        var error = Assert.Throws<InputException>(() => TableReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(1, error.Line);
        Assert.Contains("';' splits it into 3 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("--delimiter ';'", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delimiter_the_user_gives_is_kept()
    {
        var path = _dir.Write("one.csv", "a;b\n1;2\n3;4\n");

        var table = TableReader.Read(path, new TableReadOptions { Delimiter = ',' });

        Assert.Equal(["a;b"], table.Columns.Select(c => c.Name));
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void A_header_with_the_expected_delimiter_is_not_sniffed()
    {
        var path = _dir.Write("comma.csv", "a,b\n1;2,3\n4;5,6\n");

        var table = TableReader.Read(path);

        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void A_true_single_column_file_stays_one_column()
    {
        var path = _dir.Write("single.csv", "score\n1\n2\n3\n");

        var table = TableReader.Read(path);

        Assert.Equal(["score"], table.Columns.Select(c => c.Name));
        Assert.Empty(table.Warnings);
    }
}
