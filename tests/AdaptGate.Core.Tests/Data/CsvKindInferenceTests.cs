using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

public sealed class CsvKindInferenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Infers_each_kind_and_keeps_file_order()
    {
        var path = _dir.Write("kinds.csv",
            "amount,flag,city,when\n" +
            "1.5,true,Oslo,2018-01-01\n" +
            "-2e3,FALSE,Bergen,2018-01-02 00:00:01.5\n" +
            "3,True,Oslo,2018-01-01T00:00:00Z\n");

        var table = TableReader.Read(path);

        Assert.Equal(3, table.RowCount);
        Assert.Equal(["amount", "flag", "city", "when"], table.Columns.Select(c => c.Name));
        Assert.Equal([1.5, -2000, 3], ColumnAssert.Numeric(table, "amount").Values);
        var flag = ColumnAssert.Categorical(table, "flag", ColumnKind.Boolean);
        Assert.Equal(["false", "true"], flag.Categories);
        Assert.Equal([1, 0, 1], flag.Codes);
        var city = ColumnAssert.Categorical(table, "city");
        Assert.Equal(["Oslo", "Bergen"], city.Categories);
        Assert.Equal([0, 1, 0], city.Codes);
        Assert.Equal([1514764800, 1514851201.5, 1514764800], ColumnAssert.Numeric(table, "when", ColumnKind.Datetime).Values);
    }

    [Fact]
    public void Missing_tokens_become_NaN_or_missing_code_in_every_kind()
    {
        var path = _dir.Write("missing.csv",
            "n,b,c,d\n" +
            "1,true,x,2020-01-01\n" +
            ",NA,N/A,NaN\n" +
            "nan, null ,NULL,None\n" +
            "  ,false,y,\n");

        var table = TableReader.Read(path);

        var n = ColumnAssert.Numeric(table, "n");
        Assert.Equal(1, n.Values[0]);
        Assert.True(n.Values.Skip(1).All(double.IsNaN));
        Assert.Equal(3, n.MissingCount);
        Assert.Equal([1, -1, -1, 0], ColumnAssert.Categorical(table, "b", ColumnKind.Boolean).Codes);
        var c = ColumnAssert.Categorical(table, "c");
        Assert.Equal(["x", null, null, "y"], ColumnAssert.Decoded(c));
        Assert.Equal(["x", "y"], c.Categories);
        Assert.Equal(3, ColumnAssert.Numeric(table, "d", ColumnKind.Datetime).MissingCount);
    }

    [Fact]
    public void Leading_missing_values_are_kept_when_the_kind_is_decided_later()
    {
        var path = _dir.Write("late.csv", "a,b\nNA,\n,\n4,yes\n");

        var table = TableReader.Read(path);

        var a = ColumnAssert.Numeric(table, "a");
        Assert.True(double.IsNaN(a.Values[0]) && double.IsNaN(a.Values[1]));
        Assert.Equal(4, a.Values[2]);
        Assert.Equal([null, null, "yes"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "b")));
    }

    [Fact]
    public void Column_of_only_missing_values_is_categorical_without_categories()
    {
        var path = _dir.Write("empty-column.csv", "a,b\n1,\n2,NA\n");

        var b = ColumnAssert.Categorical(TableReader.Read(path), "b");

        Assert.Empty(b.Categories);
        Assert.Equal([-1, -1], b.Codes);
        Assert.Equal(2, b.MissingCount);
    }

    [Fact]
    public void Zero_one_stays_numeric_and_yes_no_is_categorical()
    {
        var path = _dir.Write("flags.csv", "bit,answer\n0,yes\n1,no\n1,yes\n");

        var table = TableReader.Read(path);

        Assert.Equal([0, 1, 1], ColumnAssert.Numeric(table, "bit").Values);
        Assert.Equal(["yes", "no"], ColumnAssert.Categorical(table, "answer").Categories);
    }

    [Fact]
    public void Column_that_turns_out_mixed_is_categorical_with_the_original_text()
    {
        // The numeric-looking values come first, so the reader has to go back for their text ("007", not 7).
        var path = _dir.Write("mixed.csv", "code,when,flag\n007,2018-01-01,true\n1.50,2018-01-02,false\nA12,soon,maybe\n007,,true\n");

        var table = TableReader.Read(path);

        Assert.Equal(["007", "1.50", "A12", "007"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "code")));
        Assert.Equal(["2018-01-01", "2018-01-02", "soon", null], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "when")));
        Assert.Equal(["true", "false", "maybe", "true"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "flag")));
    }

    [Fact]
    public void Values_and_names_are_trimmed()
    {
        var path = _dir.Write("spaces.csv", " a , b \n 1 , x \n2,x\n\t3.5 ,x \n");

        var table = TableReader.Read(path);

        Assert.Equal([1, 2, 3.5], ColumnAssert.Numeric(table, "a").Values);
        Assert.Equal(["x"], ColumnAssert.Categorical(table, "b").Categories);
    }

    [Fact]
    public void Datetime_offsets_are_converted_to_utc()
    {
        var path = _dir.Write("zones.csv", "t\n2018-01-01T02:00:00+02:00\n2018-01-01T00:00:00-0130\n2018-01-01 00:08:43.152\n");

        var values = ColumnAssert.Numeric(TableReader.Read(path), "t", ColumnKind.Datetime).Values;

        Assert.Equal(1514764800, values[0]);
        Assert.Equal(1514764800 + 5400, values[1]);
        Assert.Equal(1514765323.152, values[2], 6);
    }

    [Fact]
    public void Blank_lines_are_skipped_in_multi_column_files_but_are_missing_values_in_single_column_files()
    {
        var wide = _dir.Write("wide.csv", "a,b\n1,2\n\n3,4\n");
        var narrow = _dir.Write("narrow.csv", "a\n1\n\n3\n");

        Assert.Equal([1, 3], ColumnAssert.Numeric(TableReader.Read(wide), "a").Values);
        var single = ColumnAssert.Numeric(TableReader.Read(narrow), "a");
        Assert.Equal(3, single.Length);
        Assert.Equal(1, single.MissingCount);
    }

    [Fact]
    public void Source_path_is_kept_as_given()
    {
        var path = _dir.Write("given.csv", "a\n1\n");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

        Assert.Equal(relative, TableReader.Read(relative).SourcePath);
    }
}
