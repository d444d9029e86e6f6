using System.Globalization;
using System.IO.Compression;
using System.IO.Pipes;
using System.Text;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// `check` on files as they come: a semicolon export named .csv, data without a header row, '?' for
/// missing, gzip, a pipe; and a check that would compare nothing is an error, not a SKIP.
/// </summary>
public sealed class InputFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_semicolon_csv_whose_data_moved_is_not_an_all_clear()
    {
        var reference = _dir.File("reference.csv", Data(';', shift: 0));
        var current = _dir.File("current.csv", Data(';', shift: 3));

        var run = CliRun.Of("check", "--reference", reference, "--current", current, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("fine-tune", Verdict(run));
        Assert.Contains("\"comparedColumns\": 3", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("';' splits each of the first lines", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_compare_is_exit_2_naming_both_files()
    {
        var reference = _dir.File("reference.csv", Ids(0));
        var current = _dir.File("current.csv", Ids(500));

        var run = CliRun.Of("check", "--reference", reference, "--current", current);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: No feature column of " + reference + " and " + current, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'order_id': identifier-like", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'ts': datetime", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_without_a_header_is_read_with_the_given_names_and_missing_tokens()
    {
        var reference = _dir.File("adult.data", Adult(seed: 1));
        var current = _dir.File("adult.test", Adult(seed: 2));

        var plain = CliRun.Of("check", "--reference", reference, "--current", current, "--delimiter", ",", "--format", "json");
        var named = CliRun.Of(
            "check", "--reference", reference, "--current", current, "--delimiter", ",", "--format", "json",
            "--no-header", "--columns", "age,workclass,fnlwgt", "--na-values", "?");

        Assert.Contains("looks like data", plain.Stdout + plain.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, named.ExitCode);
        Assert.DoesNotContain("looks like data", named.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"reference\": 301", named.Stdout, StringComparison.Ordinal);
        Assert.Equal("skip", Verdict(named));
        Assert.DoesNotContain("\"?\"", named.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_number_of_column_names_is_exit_2_on_line_1()
    {
        var reference = _dir.File("adult.csv", Adult(seed: 1));

        var run = CliRun.Of("check", "--reference", reference, "--current", reference, "--no-header", "--columns", "age,workclass");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {reference}:1: 2 column names were given", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_is_read_when_named_so_and_named_when_not()
    {
        var bytes = Gzip(Data(',', shift: 0));
        var named = _dir.File("reference.csv.gz", bytes);
        var misnamed = _dir.File("current.csv", bytes);

        var good = CliRun.Of("check", "--reference", named, "--current", named, "--format", "json");
        var bad = CliRun.Of("check", "--reference", named, "--current", misnamed);

        Assert.Equal(0, good.ExitCode);
        Assert.Equal("skip", Verdict(good));
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith($"error: {misnamed}: This is gzip-compressed data", bad.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-8", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dev_fd_pipe_is_read_once_and_whole()
    {
        if (!Directory.Exists("/dev/fd"))
        {
            return; // no /dev/fd on this system: nothing to test
        }

        var content = Data(',', shift: 0);
        var reference = _dir.File("reference.csv", content);
        var history = Path.Combine(_dir.Path, "history.jsonl");
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var current = "/dev/fd/" + pipe.ClientSafePipeHandle.DangerousGetHandle();
        var writer = Task.Run(() =>
        {
            pipe.Write(Encoding.UTF8.GetBytes(content));
            pipe.Dispose();
        });

        var run = await Task.Run(() => CliRun.Of("check", "--reference", reference, "--current", current, "--history", history, "--format", "json")).WaitAsync(TimeSpan.FromMinutes(1));

        await writer;
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"current\": 600", run.Stdout, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        Assert.Equal(2, File.ReadAllText(history).Split(hash).Length - 1);
    }

    private static string? Verdict(CliRun run) => System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("verdict").GetString();

    private static string Data(char delimiter, double shift)
    {
        var text = new StringBuilder($"num{delimiter}cat{delimiter}flag\n");
        for (var i = 0; i < 600; i++)
        {
            var num = ((i * 37 % 101 / 30.0) + shift).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{num}{delimiter}{"abc"[i % 3]}{delimiter}{(i % 2 == 0 ? "true" : "false")}\n");
        }

        return text.ToString();
    }

    private static string Ids(int from)
    {
        var text = new StringBuilder("order_id,ts\n");
        for (var i = from; i < from + 100; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{DateTime.UnixEpoch.AddHours(i):yyyy-MM-dd'T'HH:mm:ss}\n");
        }

        return text.ToString();
    }

    private static string Adult(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        string[] work = ["State-gov", "Private", "Self-emp", "?"];
        for (var i = 0; i < 301; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{random.Next(20, 60)}, {work[random.Next(work.Length)]}, {random.Next(10000, 400000)}\n");
        }

        return text.ToString();
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
