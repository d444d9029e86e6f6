namespace AdaptGate.Core.Output;

/// <summary>
/// The one way AdaptGate writes an output (reports, policies, models). A regular file is replaced whole or not at all:
/// the bytes go to a temporary file beside it, which is then renamed onto it, so a crash, a full disk or Ctrl+C never
/// leaves half a file. A symbolic link is written through: the temporary file goes beside its target and the rename
/// lands on the target, so the link stays a link. A device or a FIFO (/dev/full, /dev/null, a named pipe, a terminal)
/// is written in place, since a rename would replace the node itself.
/// </summary>
public static class OutputFile
{
    /// <param name="path">The file as the user named it.</param>
    /// <param name="what">What is written, for messages: "the report", "the adapted model".</param>
    /// <param name="write">Writes the content; the stream is flushed and closed afterwards.</param>
    /// <exception cref="InputException">The file cannot be written (a folder, no permission, a full disk); nothing was replaced.</exception>
    public static void Write(string path, string what, Action<Stream> write)
    {
        var target = ResolvedPath.Of(path);
        switch (FileKinds.Of(target))
        {
            case FileKind.Directory:
                throw new InputException($"Cannot write {what}: this is a folder.", path, hint: "Name a file to write.");
            case FileKind.Stream:
                WriteInPlace(path, target, what, write);
                break;
            default:
                Replace(path, target, what, write);
                break;
        }
    }

    private static void WriteInPlace(string path, string target, string what, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
            write(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, what, e);
        }
    }

    private static void Replace(string path, string target, string what, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(target)!;
        // Beside the target, so the final move is a rename on one volume (atomic), never a copy.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            KeepPermissions(target, temporary);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw Failure(path, what, e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>A replaced file keeps its mode (a report made group-readable stays so), as an editor's save does.</summary>
    private static void KeepPermissions(string target, string temporary)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
        }
    }

    private static InputException Failure(string path, string what, Exception e) =>
        new($"Cannot write {what}: {e.Message}", path, hint: "Check that the folder is writable and the disk has room.", inner: e);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the real error is the one being reported.
        }
    }
}
