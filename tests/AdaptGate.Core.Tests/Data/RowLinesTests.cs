using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Data;

/// <summary>A message about a cell names the line an editor shows, also after quoted line breaks and blank lines.</summary>
public sealed class RowLinesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Rows_after_a_quoted_line_break_and_a_blank_line_are_on_their_real_lines()
    {
        // line 1 header; 2 row 0; 3-4 row 1 (a quoted line break); 5 row 2; 6 blank; 7 row 3; 8 row 4.
        var path = _dir.Write("notes.csv", "id,note,label\n1,plain,yes\n2,\"two\nlines\",no\n3,plain,yes\n\n4,plain,no\n5,plain,yes\n");

        var table = TableReader.Read(path);

        var note = table.Find("note")!;
        Assert.Equal([2L, 3, 5, 7, 8], Enumerable.Range(0, table.RowCount).Select(note.LineOf));
        Assert.Same(note.Lines, table.Find("label")!.Lines);
    }

    [Fact]
    public void A_file_of_one_line_a_row_keeps_no_shifts()
    {
        var table = TableReader.Read(_dir.Write("plain.csv", "a,b\n1,x\n2,y\n3,z\n"));

        Assert.Null(table.Columns[0].Lines);
        Assert.Equal(4, table.Columns[0].LineOf(2));
    }

    [Fact]
    public void A_header_that_spans_lines_moves_every_row()
    {
        var table = TableReader.Read(_dir.Write("header.csv", "\"a\nfirst\",b\n1,x\n2,y\n"));

        Assert.Equal([3L, 4], Enumerable.Range(0, table.RowCount).Select(table.Columns[1].LineOf));
    }

    [Fact]
    public void A_kind_override_names_the_real_line_of_the_bad_value()
    {
        // "maybe" is data row 3, on line 6: row 1's note spans lines 3 and 4.
        var path = _dir.Write("flags.csv", "id,note,flag\n1,plain,true\n2,\"two\nlines\",false\n3,plain,true\n4,plain,maybe\n");
        var table = TableReader.Read(path);

        var error = Assert.Throws<InputException>(() => KindConversion.Convert(table.Find("flag")!, ColumnKind.Boolean, path));

        Assert.Equal(6, error.Line);
        Assert.Contains("'maybe' in data row 4 cannot be read as boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_error_names_the_real_line_after_a_converted_column()
    {
        // A numeric code read as categories (a kind override); its third value (7) is data row 2, on line 5.
        var path = _dir.Write("labels.csv", "note,code\n\"a\nb\",1\nplain,0\nplain,7\n");
        var table = TableReader.Read(path);
        var code = KindConversion.Convert(table.Find("code")!, ColumnKind.Categorical, path);

        var error = Assert.Throws<InputException>(() => BinaryClasses.Resolve(code, positiveClass: null, path));

        Assert.IsType<CategoricalColumn>(code);
        Assert.Equal(5, error.Line);
        Assert.Contains("a binary label has two values, this one has more (1, 0, 7", error.Message, StringComparison.Ordinal);
    }
}
