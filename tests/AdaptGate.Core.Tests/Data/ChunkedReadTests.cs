using System.Globalization;
using System.IO.Compression;
using System.Text;
using AdaptGate.Core.Data;
using AdaptGate.Core.Data.Loading;
using AdaptGate.Core.History;

namespace AdaptGate.Core.Tests.Data;

/// <summary>
/// A delimited file parsed in chunks on several threads gives exactly what one pass gives: values, category codes
/// and their order, missing counts, lines, warnings, the hash, and for a bad file the same error. Chunks of a few
/// bytes put a boundary at or next to every row, quoted line breaks included.
/// </summary>
public sealed class ChunkedReadTests : IDisposable
{
    private static readonly long[] ChunkSizes = [1, 2, 3, 5, 8, 13, 40, 97, 256, 1000, 4096];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    public void Every_chunk_size_gives_the_single_pass_table(string newline, bool bom)
    {
        var text = Generated(rows: 400, newline, seed: 17);
        var bytes = Encoding.UTF8.GetBytes(text);
        var path = _dir.WriteBytes("data.csv", bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);

        var single = ReadOnePass(path);
        Assert.Equal(400, single.RowCount);
        foreach (var chunkBytes in ChunkSizes)
        {
            var log = new ChunkedReadLog();
            var chunked = ReadInChunks(path, chunkBytes, log);

            Assert.Equal(0, log.FellBack);
            Assert.True(log.Chunks > (chunkBytes < 1000 ? 20 : 3), $"chunk size {chunkBytes}: {log.Chunks} chunks");
            AssertSameTable(single, chunked);
        }
    }

    [Fact]
    public void Reads_that_run_at_once_share_the_cores_and_one_core_each_reads_in_one_pass()
    {
        var four = new DelimitedChunking(Workers: 4, ChunkBytes: 0, MinFileBytes: 1);

        Assert.Equal(2, four.Shared(ways: 2).Workers);
        Assert.Equal(1, (four with { Workers = 2 }).Shared(ways: 2).Workers);
        Assert.Equal(1, (four with { Workers = 1 }).Shared(ways: 2).Workers);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), DelimitedChunking.ForThisMachine().Shared(ways: 2).Workers);
    }

    [Fact]
    public void The_generated_file_holds_the_shapes_it_is_meant_to_test()
    {
        var table = ReadOnePass(_dir.Write("data.csv", Generated(rows: 400, "\n", seed: 17)));

        ColumnAssert.Numeric(table, "x");
        ColumnAssert.Categorical(table, "note");
        ColumnAssert.Categorical(table, "mixed"); // numbers until row 300, then a word: rebuilt in a second pass
        ColumnAssert.Categorical(table, "codes"); // a word first, then a long run of numbers only
        ColumnAssert.Categorical(table, "flag", ColumnKind.Boolean);
        ColumnAssert.Numeric(table, "when", ColumnKind.Datetime);
        ColumnAssert.Numeric(table, "late"); // missing for 250 rows, then numbers
        Assert.True(table.Find("sparse")!.MissingCount > 300);
        Assert.Equal(400, table.Find("empty")!.MissingCount);
        Assert.NotNull(table.Find("note")!.Lines); // quoted line breaks and blank lines shift rows
        Assert.Equal(1e300, ColumnAssert.Numeric(table, "x").Values[3]);
    }

    [Fact]
    public void A_chunk_whose_first_value_chose_another_kind_is_read_again_as_the_column_s_kind()
    {
        // "codes" starts with a word, then holds only numbers for most chunks: one pass keeps it categorical.
        var path = _dir.Write("data.csv", Generated(rows: 400, "\n", seed: 3));
        var log = new ChunkedReadLog();

        var chunked = ReadInChunks(path, 40, log);

        Assert.True(log.Rereads > 0);
        Assert.True(log.Rebuilt >= 1); // "mixed"
        AssertSameTable(ReadOnePass(path), chunked);
        Assert.Contains("17", ColumnAssert.Categorical(chunked, "codes").Categories);
    }

    [Fact]
    public void A_file_of_one_line_a_row_keeps_no_line_shifts_in_chunks_either()
    {
        var path = _dir.Write("plain.csv", "id,x\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i},{i * 0.25}\n")));
        var log = new ChunkedReadLog();

        var chunked = ReadInChunks(path, 16, log);

        Assert.True(log.Chunks > 100);
        Assert.Null(chunked.Columns[0].Lines);
        Assert.Equal(301, chunked.Columns[1].LineOf(299));
        AssertSameTable(ReadOnePass(path), chunked);
    }

    [Fact]
    public void A_bad_row_in_a_late_chunk_gives_the_single_pass_error()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"{i},{i * 0.5},v{i % 7}").ToList();
        lines[270] = "270,135,v4,extra";
        var path = _dir.Write("bad.csv", "id,x,c\n" + string.Join("\n", lines) + "\n");

        var single = Assert.Throws<InputException>(() => ReadOnePass(path));
        Assert.Equal(272, single.Line);
        foreach (var chunkBytes in ChunkSizes)
        {
            var log = new ChunkedReadLog();
            var chunked = Assert.Throws<InputException>(() => ReadInChunks(path, chunkBytes, log));
            AssertSameError(single, chunked);
            Assert.Equal(1, log.FellBack);
        }
    }

    [Fact]
    public void Of_bad_rows_in_two_chunks_the_earliest_in_the_file_is_reported()
    {
        // Row 40 has a quote problem, row 260 a missing field: a later chunk may fail first, row 40 still wins.
        var lines = Enumerable.Range(0, 300).Select(i => $"{i},{i * 0.5},v{i % 7}").ToList();
        lines[40] = "40,\"20\"x,v5";
        lines[260] = "260,130";
        var path = _dir.Write("bad.csv", "id,x,c\n" + string.Join("\n", lines) + "\n");

        var single = Assert.Throws<InputException>(() => ReadOnePass(path));
        Assert.Equal(42, single.Line);
        Assert.Equal("x", single.Column);
        foreach (var chunkBytes in ChunkSizes)
        {
            AssertSameError(single, Assert.Throws<InputException>(() => ReadInChunks(path, chunkBytes, log: null)));
        }
    }

    [Fact]
    public void Of_two_infinities_in_a_numeric_column_the_first_line_is_reported()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"{i},{i * 0.5}").ToList();
        lines[150] = "150,75\n"; // a blank line after it, so later rows are not on the row + 2
        lines[180] = "180,inf";
        lines[290] = "290,-inf";
        var path = _dir.Write("inf.csv", "id,x\n" + string.Join("\n", lines) + "\n");

        var single = Assert.Throws<InputException>(() => ReadOnePass(path));
        Assert.Equal(183, single.Line);
        foreach (var chunkBytes in ChunkSizes)
        {
            var log = new ChunkedReadLog();
            AssertSameError(single, Assert.Throws<InputException>(() => ReadInChunks(path, chunkBytes, log)));
            Assert.Equal(0, log.FellBack); // the chunks read cleanly; the error comes from joining them
        }
    }

    [Fact]
    public void Invalid_utf8_in_a_late_chunk_gives_the_single_pass_error()
    {
        var text = "id,c\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},v{i % 5}\n"));
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.InsertRange(bytes.Count - 20, [0xC3, 0x28]);
        var path = _dir.WriteBytes("bad.csv", [.. bytes]);

        var single = Assert.Throws<InputException>(() => ReadOnePass(path));
        foreach (var chunkBytes in ChunkSizes)
        {
            AssertSameError(single, Assert.Throws<InputException>(() => ReadInChunks(path, chunkBytes, log: null)));
        }
    }

    [Fact]
    public void An_unclosed_quote_leaves_the_rest_of_the_file_to_one_chunk_and_the_same_error()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"{i},v{i % 3}").ToList();
        lines[60] = "60,\"never closed";
        var path = _dir.Write("quote.csv", "id,c\n" + string.Join("\n", lines) + "\n");

        var single = Assert.Throws<InputException>(() => ReadOnePass(path));
        Assert.Equal(62, single.Line);
        AssertSameError(single, Assert.Throws<InputException>(() => ReadInChunks(path, 8, log: null)));
    }

    [Fact]
    public void A_file_without_a_header_row_and_with_user_names_reads_the_same_in_chunks()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},\"a\nb{i % 4}\",{i % 2 == 0}\n"));
        var path = _dir.Write("noheader.csv", text);
        var options = new TableReadOptions { HasHeader = false, ColumnNames = ["id", "note", "flag"] };

        var single = TableReader.Read(path, options with { Chunking = new DelimitedChunking(1, 0, 0) });
        var log = new ChunkedReadLog();
        var chunked = TableReader.Read(path, options with { Chunking = new DelimitedChunking(3, 16, 0, log) });

        Assert.True(log.Chunks > 50);
        Assert.Equal(1, single.Find("note")!.LineOf(0));
        Assert.Equal(3, single.Find("note")!.LineOf(1));
        AssertSameTable(single, chunked);
    }

    [Fact]
    public void The_hash_is_that_of_the_file_s_bytes_taken_on_the_read_in_one_pass_and_in_chunks()
    {
        var path = _dir.Write("data.csv", Generated(rows: 200, "\r\n", seed: 5));
        var expected = FileHash.Sha256(path);

        Assert.Equal(expected, ReadOnePass(path).ContentSha256);
        Assert.Equal(expected, ReadInChunks(path, 64, log: null).ContentSha256);
        Assert.Equal(expected, TableReader.Read(path).ContentSha256);
    }

    [Fact]
    public void A_file_of_several_read_buffers_is_hashed_whole_and_read_the_same_in_chunks()
    {
        // Over 3 MiB: the splitter reads it in 1 MiB buffers, hashed on their own thread while it counts.
        var path = _dir.Write("large.csv", Generated(rows: 80_000, "\n", seed: 11));
        var log = new ChunkedReadLog();

        var chunked = ReadInChunks(path, 300_000, log);

        Assert.True(new FileInfo(path).Length > 3 << 20);
        Assert.True(log.Chunks > 10);
        Assert.Equal(FileHash.Sha256(path), chunked.ContentSha256);
        AssertSameTable(ReadOnePass(path), chunked);
    }

    [Fact]
    public void A_gzip_file_s_hash_is_that_of_its_compressed_bytes()
    {
        var path = Path.Combine(_dir.Path, "data.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("a,b\n1,x\n2,y\n"));
        }

        var table = TableReader.Read(path);

        Assert.Equal(2, table.RowCount);
        Assert.Equal(FileHash.Sha256(path), table.ContentSha256);
    }

    [Fact]
    public void A_buffer_sized_too_small_keeps_every_value()
    {
        // The expected count is only a guess (a file with lone CR line ends has more rows than line feeds).
        var buffer = new ChunkedBuffer<int>(expectedCount: 3);
        for (var i = 0; i < 70_000; i++)
        {
            buffer.Add(i);
        }

        var values = buffer.ToArray();

        Assert.Equal(70_000, values.Length);
        Assert.Equal(69_999, values[^1]);
        Assert.Equal(3, values[3]);
    }

    private static DataTable ReadOnePass(string path) => TableReader.Read(path, new TableReadOptions { Chunking = new DelimitedChunking(1, 0, 0) });

    private static DataTable ReadInChunks(string path, long chunkBytes, ChunkedReadLog? log) =>
        TableReader.Read(path, new TableReadOptions { Chunking = new DelimitedChunking(3, chunkBytes, 0, log) });

    private static void AssertSameTable(DataTable expected, DataTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.ContentSha256, actual.ContentSha256);
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            var (e, a) = (expected.Columns[c], actual.Columns[c]);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.MissingCount, a.MissingCount);
            Assert.Equal(e.Lines is null, a.Lines is null);
            Assert.Equal(Enumerable.Range(0, expected.RowCount).Select(e.LineOf), Enumerable.Range(0, actual.RowCount).Select(a.LineOf));
            switch (e)
            {
                case NumericColumn numbers:
                    // Bit for bit: NaN equals NaN, and -0 differs from 0.
                    Assert.Equal(numbers.Values.Select(BitConverter.DoubleToInt64Bits), Assert.IsType<NumericColumn>(a).Values.Select(BitConverter.DoubleToInt64Bits));
                    break;
                case CategoricalColumn categories:
                    var other = Assert.IsType<CategoricalColumn>(a);
                    Assert.Equal(categories.Categories, other.Categories);
                    Assert.Equal(categories.Codes, other.Codes);
                    break;
                default:
                    throw new InvalidOperationException(e.GetType().Name);
            }
        }
    }

    private static void AssertSameError(InputException expected, InputException actual)
    {
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.FilePath, actual.FilePath);
        Assert.Equal(expected.Line, actual.Line);
        Assert.Equal(expected.Column, actual.Column);
        Assert.Equal(expected.Hint, actual.Hint);
    }

    /// <summary>
    /// Rows of the shapes users have: signed numbers with 5 to 7 decimals, exponents, a leading + or a bare .5,
    /// integers wider than 2^53; quoted values with delimiters, doubled quotes and line breaks (CR LF too);
    /// blank lines; a missing-heavy and an all-missing column; a column that turns from numbers to a word late
    /// (rebuilt), one that starts with a word and then holds numbers only, Booleans and dates.
    /// </summary>
    private static string Generated(int rows, string newline, int seed)
    {
        var random = new Random(seed);
        string[] numberShapes = ["-{0:F5}", "{0:F7}", "-{0:E2}", "{0:e3}", "+{1}", ".5", "-.25", "1.5e-07", "12345678901234567890", "{0:F6}", "0"];
        var text = new StringBuilder();
        text.Append("id,x,note,sparse,mixed,codes,flag,when,late,empty").Append(newline);
        for (var r = 0; r < rows; r++)
        {
            var value = random.NextDouble() * 500; // the shapes write the sign
            var shape = numberShapes[random.Next(numberShapes.Length)];
            var x = r == 3 ? "1e300" : string.Format(CultureInfo.InvariantCulture, shape, value, random.Next(1000));
            var note = random.Next(6) switch
            {
                0 => $"\"two{newline}lines {r % 9}\"",
                1 => $"\"comma, and \"\"quote\"\" {r % 5}\"",
                2 => string.Empty,
                3 => $"\"{newline}\"",
                _ => $"plain {r % 11}",
            };
            var sparse = random.Next(10) == 0 ? $"s{r % 3}" : random.Next(2) == 0 ? "NA" : string.Empty;
            var mixed = r < 300 ? (r % 13).ToString(CultureInfo.InvariantCulture) : "word";
            var codes = r == 0 ? "first" : (r % 23).ToString(CultureInfo.InvariantCulture);
            var flag = random.Next(3) == 0 ? string.Empty : random.Next(2) == 0 ? "true" : "false";
            var when = $"2024-{1 + (r % 12):D2}-{1 + (r % 28):D2}T0{r % 10}:00:00Z";
            var late = r < 250 ? string.Empty : (r * 0.125).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{r},{x},{note},{sparse},{mixed},{codes},{flag},{when},{late},").Append(newline);
            if (random.Next(40) == 0)
            {
                text.Append(newline); // a blank line, skipped
            }
        }

        return text.ToString();
    }
}
