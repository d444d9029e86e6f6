using System.Diagnostics;
using System.IO.Pipes;
using System.Security.Cryptography;
using System.Text;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Data;

/// <summary>
/// Inputs that can be read only once: a named pipe (mkfifo) and a /dev/fd path such as bash's
/// <c>&lt;(cat cur.csv)</c> gives. Each is opened once; its rows, its row count and the history's
/// hash all come from that one read.
/// </summary>
public sealed class SinglePassInputTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private static readonly string Csv = "x,c\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i % 17}.5,{(char)('a' + (i % 3))}\n"));

    private readonly TempDirectory _dir = new();
    private readonly List<string> _fifos = [];

    public void Dispose()
    {
        // A reader stuck on a second open of a FIFO is released by a writer that opens and closes it.
        foreach (var fifo in _fifos)
        {
            ReleaseReaders(fifo);
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task A_fifo_is_read_whole()
    {
        var fifo = MakeFifo("current.csv");
        var writer = WriteInBackground(fifo, Csv);

        var table = await ReadWithin(fifo);

        await writer;
        Assert.Equal(300, table.RowCount);
        Assert.Equal(["x", "c"], table.Columns.Select(c => c.Name));
        Assert.Equal(0.5, ColumnAssert.Numeric(table, "x").Values[0]);
        Assert.Equal(Sha256(Csv), table.ContentSha256);
    }

    [Fact]
    public async Task A_dev_fd_path_is_read_whole()
    {
        if (!Directory.Exists("/dev/fd"))
        {
            return; // no /dev/fd on this system: nothing to test
        }

        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var path = "/dev/fd/" + pipe.ClientSafePipeHandle.DangerousGetHandle();
        var writer = Task.Run(() =>
        {
            pipe.Write(Encoding.UTF8.GetBytes(Csv));
            pipe.Dispose();
        });

        var table = await ReadWithin(path);

        await writer;
        Assert.Equal(300, table.RowCount);
        Assert.Equal(Sha256(Csv), table.ContentSha256);
    }

    [Fact]
    public async Task Parquet_through_a_fifo_is_known_by_its_signature()
    {
        var schema = new Parquet.Schema.ParquetSchema(new Parquet.Schema.DataField<double>("x"));
        using var bytes = new MemoryStream();
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(schema, bytes))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(schema.DataFields[0], new[] { 1.5, 2.5, 3.5 });
        }

        var fifo = MakeFifo("current");
        var write = Task.Run(() => File.WriteAllBytes(fifo, bytes.ToArray()));

        var table = await ReadWithin(fifo);

        await write;
        Assert.Equal([1.5, 2.5, 3.5], ColumnAssert.Numeric(table, "x").Values);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())), table.ContentSha256);
    }

    [Fact]
    public void A_regular_file_is_hashed_on_the_read_that_parses_it()
    {
        var path = _dir.Write("current.csv", Csv);

        var table = TableReader.Read(path);

        Assert.Equal(AdaptGate.Core.History.FileHash.Sha256(path), table.ContentSha256);
        Assert.Equal(300, table.RowCount);
    }

    [Fact]
    public async Task A_check_records_the_hash_of_what_the_fifo_gave()
    {
        var reference = _dir.Write("reference.csv", Csv);
        var fifo = MakeFifo("current.csv");
        var history = Path.Combine(_dir.Path, "history.jsonl");
        var writer = WriteInBackground(fifo, Csv);

        // A second open of the FIFO would wait for a writer that has gone: the time limit turns that hang into a failure.
        var report = await Task.Run(() => CheckRunner.Run(new CheckRequest { ReferencePath = reference, CurrentPath = fifo, HistoryPath = history })).WaitAsync(Patience);

        await writer;
        Assert.Equal(300, report.Rows.Current);
        Assert.False(report.Drift.Columns.Single(c => c.Name == "x").Drifted);
        var entry = File.ReadAllLines(history).Single();
        Assert.Equal(2, entry.Split(Sha256(Csv)).Length - 1); // both files: the same bytes, the same hash
    }

    // A second open would wait for a writer that has gone: the time limit turns that hang into a failure.
    private static Task<DataTable> ReadWithin(string path) => Task.Run(() => TableReader.Read(path)).WaitAsync(Patience);

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_dir.Path, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        _fifos.Add(path);
        return path;
    }

    private static Task WriteInBackground(string fifo, string content) => Task.Run(() => File.WriteAllText(fifo, content, new UTF8Encoding(false)));

    private static void ReleaseReaders(string fifo)
    {
        // Opened for reading and writing, a FIFO never blocks the opener (Linux), and it counts as a writer.
        using var stream = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite);
    }

    private static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
