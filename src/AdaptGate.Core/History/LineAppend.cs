namespace AdaptGate.Core.History;

/// <summary>
/// Appends one line to a file its caller holds alone, so that no entry is lost to what an earlier,
/// interrupted append left behind, and an append that fails leaves nothing behind itself.
/// </summary>
internal static class LineAppend
{
    /// <summary>
    /// Writes <paramref name="line"/> (ending in a newline) at the end of <paramref name="stream"/>,
    /// starting on a new line when the file does not end in one (a crash or a full disk cut the last
    /// append short: glued onto that fragment, this line would be unreadable too). When the write
    /// fails, the file is cut back to the length it had, so no half line stays to spoil the next one.
    /// </summary>
    /// <param name="stream">Readable, writable and seekable, held exclusively by the caller.</param>
    /// <param name="line">The whole line, its newline included.</param>
    public static void Append(Stream stream, ReadOnlySpan<byte> line)
    {
        var length = stream.Seek(0, SeekOrigin.End);
        var torn = length > 0 && LastByte(stream, length) != (byte)'\n';
        try
        {
            stream.Position = length;
            if (torn)
            {
                Span<byte> bytes = new byte[line.Length + 1];
                bytes[0] = (byte)'\n';
                line.CopyTo(bytes[1..]);
                stream.Write(bytes);
            }
            else
            {
                stream.Write(line);
            }

            stream.Flush();
        }
        catch
        {
            // Whatever stopped the write (a full disk, a file size limit), what it wrote goes.
            TryCutBack(stream, length);
            throw;
        }
    }

    private static int LastByte(Stream stream, long length)
    {
        stream.Position = length - 1;
        return stream.ReadByte();
    }

    // The error that made the append fail is the one to report; if the disk refuses even this, the
    // fragment stays and the next append starts on a new line after it.
    private static void TryCutBack(Stream stream, long length)
    {
        try
        {
            stream.SetLength(length);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
        }
    }
}
