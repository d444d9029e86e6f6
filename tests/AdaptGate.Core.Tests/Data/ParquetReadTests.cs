using AdaptGate.Core.Data;
using Parquet;
using Parquet.Schema;

namespace AdaptGate.Core.Tests.Data;

public sealed class ParquetReadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Round_trip_of_typed_columns_with_nulls()
    {
        var path = Path.Combine(_dir.Path, "typed.parquet");
        var schema = new ParquetSchema(
            new DataField<int?>("count"),
            new DataField<double?>("score"),
            new DataField<string>("city"),
            new DataField<bool?>("flag"),
            new DataField<DateTime?>("when"),
            new DataField<long>("id"));
        await WriteAsync(path, schema, async group =>
        {
            var f = schema.DataFields;
            await group.WriteAsync<int>(f[0], new int?[] { 1, null, 3 });
            await group.WriteAsync<double>(f[1], new double?[] { 0.5, 2.5, null });
            await group.WriteAsync(f[2], new string?[] { "Oslo", null, "Oslo" }!);
            await group.WriteAsync<bool>(f[3], new bool?[] { true, false, null });
            await group.WriteAsync<DateTime>(f[4], new DateTime?[] { new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, DateTime.UnixEpoch.AddSeconds(90) });
            await group.WriteAsync<long>(f[5], new long[] { 10, 20, 30 });
        });

        var table = TableReader.Read(path);

        Assert.Equal(path, table.SourcePath);
        Assert.Equal(3, table.RowCount);
        Assert.Empty(table.SkippedColumns);
        Assert.Equal(["count", "score", "city", "flag", "when", "id"], table.Columns.Select(c => c.Name));
        var count = ColumnAssert.Numeric(table, "count").Values;
        Assert.Equal(1, count[0]);
        Assert.True(double.IsNaN(count[1]));
        Assert.Equal(3, count[2]);
        Assert.Equal(1, ColumnAssert.Numeric(table, "score").MissingCount);
        Assert.Equal(2.5, ColumnAssert.Numeric(table, "score").Values[1]);
        Assert.Equal(["Oslo", null, "Oslo"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "city")));
        Assert.Equal(["Oslo"], ColumnAssert.Categorical(table, "city").Categories);
        var flag = ColumnAssert.Categorical(table, "flag", ColumnKind.Boolean);
        Assert.Equal(["false", "true"], flag.Categories);
        Assert.Equal([1, 0, -1], flag.Codes);
        var when = ColumnAssert.Numeric(table, "when", ColumnKind.Datetime).Values;
        Assert.Equal(1514764800, when[0]);
        Assert.True(double.IsNaN(when[1]));
        Assert.Equal(90, when[2]);
        Assert.Equal([10, 20, 30], ColumnAssert.Numeric(table, "id").Values);
    }

    [Fact]
    public async Task Strings_are_inferred_as_the_cells_of_a_text_file_are()
    {
        var path = Path.Combine(_dir.Path, "strings.parquet");
        var schema = new ParquetSchema(
            new DataField<string>("code"),
            new DataField<string>("when"),
            new DataField<string>("flag"),
            new DataField<string>("city"),
            new DataField<string>("mixed"));
        await WriteAsync(path, schema, async group =>
        {
            var f = schema.DataFields;
            await group.WriteAsync(f[0], new[] { "1", "NA", "2" });
            await group.WriteAsync(f[1], new[] { "2018-01-01T00:00:00", null, "1970-01-01 00:01:30" }!);
            await group.WriteAsync(f[2], new[] { "true", "false", "" });
            await group.WriteAsync(f[3], new[] { "Oslo", "?", "Oslo" });
            await group.WriteAsync(f[4], new[] { "1", "x", "2" });
        });

        var table = TableReader.Read(path, new TableReadOptions { MissingValues = ["?"] });

        var code = ColumnAssert.Numeric(table, "code").Values;
        Assert.Equal(1, code[0]);
        Assert.True(double.IsNaN(code[1]));
        var when = ColumnAssert.Numeric(table, "when", ColumnKind.Datetime).Values;
        Assert.Equal(1514764800, when[0]);
        Assert.True(double.IsNaN(when[1]));
        Assert.Equal(90, when[2]);
        Assert.Equal([1, 0, CategoricalColumn.MissingCode], ColumnAssert.Categorical(table, "flag", ColumnKind.Boolean).Codes);
        Assert.Equal(["Oslo", null, "Oslo"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "city")));
        Assert.Equal(["1", "x", "2"], ColumnAssert.Decoded(ColumnAssert.Categorical(table, "mixed")));
    }

    [Fact]
    public async Task Rows_from_several_row_groups_are_concatenated()
    {
        var path = Path.Combine(_dir.Path, "groups.parquet");
        var schema = new ParquetSchema(new DataField<double>("x"));
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            foreach (var values in new[] { new[] { 1.0, 2.0 }, new[] { 3.0 } })
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<double>(schema.DataFields[0], values);
            }
        }

        Assert.Equal([1, 2, 3], ColumnAssert.Numeric(TableReader.Read(path), "x").Values);
    }

    [Fact]
    public async Task Nested_fields_are_skipped_and_listed()
    {
        var path = Path.Combine(_dir.Path, "nested.parquet");
        var schema = new ParquetSchema(
            new DataField<int>("id"),
            new ListField("tags", new DataField<int>("element")),
            new StructField("address", new DataField<int>("zip")));
        await WriteAsync(path, schema, async group =>
        {
            var f = schema.DataFields;
            await group.WriteAsync<int>(f[0], new[] { 1, 2 });
            await group.WriteAsync<int>(f[1], new int?[] { 5, 6, 7 }, new[] { 0, 1, 0 });
            await group.WriteAsync<int>(f[2], new int?[] { 100, 200 });
        });

        var table = TableReader.Read(path);

        Assert.Equal(["id"], table.Columns.Select(c => c.Name));
        Assert.Equal(["tags", "address"], table.SkippedColumns.Select(s => s.Name));
        Assert.All(table.SkippedColumns, s => Assert.Contains("nested or repeated", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Infinity_in_a_double_column_is_bad_input()
    {
        var path = Path.Combine(_dir.Path, "inf.parquet");
        var schema = new ParquetSchema(new DataField<double>("x"));
        await WriteAsync(path, schema, group => group.WriteAsync<double>(schema.DataFields[0], new[] { 1.0, double.PositiveInfinity }));

        var error = Assert.Throws<InputException>(() => TableReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal("x", error.Column);
        Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("finite", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_parquet_file()
    {
        var path = _dir.Write("text.parquet", "a,b\n1,2\n");

        AssertUnreadable(path);
    }

    [Fact]
    public async Task Truncated_parquet_file()
    {
        var full = Path.Combine(_dir.Path, "full.parquet");
        var schema = new ParquetSchema(new DataField<double>("x"));
        await WriteAsync(full, schema, group => group.WriteAsync<double>(schema.DataFields[0], Enumerable.Range(0, 1000).Select(i => (double)i).ToArray()));
        var bytes = await File.ReadAllBytesAsync(full);
        var path = _dir.WriteBytes("truncated.parquet", bytes[..(bytes.Length / 2)]);

        AssertUnreadable(path);
    }

    [Fact]
    public async Task Corrupt_data_pages()
    {
        var full = Path.Combine(_dir.Path, "full.parquet");
        var schema = new ParquetSchema(new DataField<double>("x"));
        await WriteAsync(full, schema, group => group.WriteAsync<double>(schema.DataFields[0], Enumerable.Range(0, 1000).Select(i => (double)i).ToArray()));
        var bytes = await File.ReadAllBytesAsync(full);
        // Keep the magic bytes and the footer; scramble the column chunk in between.
        for (var i = 4; i < 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var path = _dir.WriteBytes("corrupt.parquet", bytes);

        AssertUnreadable(path);
    }

    [Fact]
    public void Parquet_extension_wins_over_a_delimiter_option()
    {
        var path = _dir.Write("text.parquet", "a;b\n1;2\n");

        var error = Assert.Throws<InputException>(() => TableReader.Read(path, new TableReadOptions { Delimiter = ';' }));

        Assert.Contains("Parquet", error.Message, StringComparison.Ordinal);
    }

    private static void AssertUnreadable(string path)
    {
        var error = Assert.Throws<InputException>(() => TableReader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith("The file cannot be read as Parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains("re-export", error.Hint, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    private static async Task WriteAsync(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> writeColumns)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await writeColumns(group);
    }
}
