using System.IO.Compression;
using System.Text;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

/// <summary>Files as they come: no header row, a header that is really data, extra missing-value tokens, gzip.</summary>
public sealed class HeaderAndMissingValueTests : IDisposable
{
    private const string Adult = "39, State-gov, 77516\n50, Self-emp, 83311\n38, Private, 215646\n53, Private, 234721\n28, State-gov, 338409\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_header_that_looks_like_data_is_warned_about()
    {
        var path = _dir.Write("adult.csv", Adult);

        var table = TableReader.Read(path);

        var warning = Assert.Single(table.Warnings);
        Assert.Contains(path, warning, StringComparison.Ordinal);
        Assert.Contains("'39' is a number", warning, StringComparison.Ordinal);
        Assert.Contains("'State-gov' is also a value in its column", warning, StringComparison.Ordinal);
        Assert.Contains("'77516' is a number", warning, StringComparison.Ordinal);
        Assert.Contains("--no-header", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age,workclass\n39,State-gov\n50,Private\n")]
    [InlineData("0,1,2\n5,a,x\n6,b,y\n")] // pandas names unnamed columns by position
    [InlineData("1,2\n5,a\n6,b\n")]
    public void An_ordinary_header_gets_no_warning(string content)
    {
        var table = TableReader.Read(_dir.Write("plain.csv", content));

        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void No_header_reads_the_first_line_as_data_with_the_given_names()
    {
        var path = _dir.Write("adult.csv", Adult);

        var table = TableReader.Read(path, new TableReadOptions { HasHeader = false, ColumnNames = ["age", "workclass", "fnlwgt"] });

        Assert.Equal(["age", "workclass", "fnlwgt"], table.Columns.Select(c => c.Name));
        Assert.Equal(5, table.RowCount);
        Assert.Equal([39, 50, 38, 53, 28], ColumnAssert.Numeric(table, "age").Values);
        Assert.Equal("State-gov", ColumnAssert.Decoded(ColumnAssert.Categorical(table, "workclass"))[0]);
        Assert.Empty(table.Warnings);
        Assert.Equal(1, table.Columns[0].LineOf(0));
        Assert.Equal(5, table.Columns[0].LineOf(4));
    }

    [Fact]
    public void No_header_without_names_numbers_the_columns()
    {
        var table = TableReader.Read(_dir.Write("adult.csv", Adult), new TableReadOptions { HasHeader = false });

        Assert.Equal(["column1", "column2", "column3"], table.Columns.Select(c => c.Name));
        Assert.Equal(5, table.RowCount);
    }

    [Fact]
    public void Names_replace_the_header_row_when_there_is_one()
    {
        var table = TableReader.Read(_dir.Write("named.csv", "a,b\n1,x\n2,y\n"), new TableReadOptions { ColumnNames = ["size", "colour"] });

        Assert.Equal(["size", "colour"], table.Columns.Select(c => c.Name));
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void Too_few_names_is_an_error_on_line_1()
    {
        var path = _dir.Write("adult.csv", Adult);

        var error = Assert.Throws<InputException>(() => TableReader.Read(path, new TableReadOptions { HasHeader = false, ColumnNames = ["age", "workclass"] }));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(1, error.Line);
        Assert.Contains("2 column names were given", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ragged_row_without_header_names_its_own_line()
    {
        var path = _dir.Write("ragged.csv", "1,a\n2,b\n3\n4,d\n");

        var error = Assert.Throws<InputException>(() => TableReader.Read(path, new TableReadOptions { HasHeader = false }));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Extra_missing_value_tokens_are_missing_in_every_kind_of_column()
    {
        var path = _dir.Write("na.csv", "age,workclass,score\n39,?,-999\n?,Private,1.5\n50,State-gov,2.5\n");

        var table = TableReader.Read(path, new TableReadOptions { MissingValues = ["?", "-999"] });

        var age = ColumnAssert.Numeric(table, "age");
        Assert.Equal(1, age.MissingCount);
        Assert.True(double.IsNaN(age.Values[1]));
        var workclass = ColumnAssert.Categorical(table, "workclass");
        Assert.Equal(["Private", "State-gov"], workclass.Categories);
        Assert.Equal(1, workclass.MissingCount);
        var score = ColumnAssert.Numeric(table, "score");
        Assert.True(double.IsNaN(score.Values[0]));
        Assert.Equal(2.5, score.Values[2]);
    }

    [Fact]
    public void Without_the_tokens_the_question_mark_is_a_category()
    {
        var table = TableReader.Read(_dir.Write("na.csv", "age,workclass\n39,?\n40,Private\n"));

        Assert.Equal(["?", "Private"], ColumnAssert.Categorical(table, "workclass").Categories);
    }

    [Theory]
    [InlineData("data.csv.gz", ",")]
    [InlineData("data.tsv.gz", "\t")]
    public void Gzip_files_are_read_directly(string name, string delimiter)
    {
        var path = _dir.WriteBytes(name, Gzip($"a{delimiter}b\n1{delimiter}x\n2{delimiter}y\n3{delimiter}x\n"));

        var table = TableReader.Read(path);

        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal([1, 2, 3], ColumnAssert.Numeric(table, "a").Values);
        Assert.Equal(path, table.SourcePath);
    }

    [Fact]
    public void A_gzip_file_named_csv_is_told_it_is_gzip()
    {
        var path = _dir.WriteBytes("data.csv", Gzip("a,b\n1,x\n"));

        var error = Assert.Throws<InputException>(() => TableReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("gzip-compressed", error.Message, StringComparison.Ordinal);
        Assert.Contains(".csv.gz", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-8", error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_gzip_file_is_bad_input()
    {
        var bytes = Gzip(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i},x\n")));
        var path = _dir.WriteBytes("cut.csv.gz", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InputException>(() => TableReader.Read(path));

        Assert.Equal(path, error.FilePath);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
