using System.Diagnostics;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// A history append the file system refuses midway, for real: the tool runs in a process of its own
/// under a file size limit, so write(2) lands part of the line and then fails with EFBIG.
/// </summary>
public sealed class HistoryWriteFailureTests : IDisposable
{
    private const int LimitKiB = 64;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_append_refused_midway_is_cut_back_out_and_exits_2()
    {
        // ulimit and SIGXFSZ are how Linux refuses; other systems have no per-process file size limit to test with.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const string line = "{\"kind\":\"action\",\"time\":\"2026-01-01T00:00:00+00:00\",\"action\":\"retrain\"}\n";
        var text = string.Concat(Enumerable.Repeat(line, ((LimitKiB * 1024) - 40) / line.Length));
        var history = _dir.File("history.jsonl", text);

        var (code, stderr) = RecordUnderFileSizeLimit(history);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: {history}: Cannot append to the history file: the file system refused to make it larger", stderr, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(history));
    }

    private static (int Code, string Stderr) RecordUnderFileSizeLimit(string history)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "adaptgate.dll");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // SIGXFSZ ignored, so the write fails with EFBIG instead of killing the process; CoreCLR's W^X
        // double mapping needs a file larger than the limit, so it is turned off for this process.
        foreach (var argument in new[] { "-c", $"trap '' XFSZ; ulimit -f {LimitKiB}; exec \"$0\" \"$@\"", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", tool, "record", "--action", "fine-tune", "--history", history })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.GetAwaiter().GetResult());
    }
}
