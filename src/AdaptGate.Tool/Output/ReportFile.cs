using AdaptGate.Core;

namespace AdaptGate.Tool.Output;

/// <summary>Writes a report file whole or not at all: a cancelled or failed run never leaves half a report behind.</summary>
internal static class ReportFile
{
    public static void Write(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException($"Cannot write the report: {e.Message}", path, hint: "Check that the folder exists and is writable.", inner: e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the real error is the one being reported.
        }
    }
}
