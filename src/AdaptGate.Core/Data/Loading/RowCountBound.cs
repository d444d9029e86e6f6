namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// The number of data rows a delimited file most likely holds, from one fast pass counting its
/// line feeds (vectorized; no decoding: a UTF-8 multi-byte sequence never contains the byte 0x0A).
/// It is exact for the usual file (one row per line, header first) and an upper bound otherwise:
/// blank lines and quoted line breaks make it too high. Files that end lines with a lone CR give 0,
/// "unknown", and so does a gzip file (counting would mean decompressing it once more). Column
/// buffers are sized by it, so a large file is not held twice while loading.
/// </summary>
internal static class RowCountBound
{
    private const int BufferLength = 1 << 20;

    /// <param name="source">The file.</param>
    /// <param name="headerLines">1 when the first line is the header row, 0 when it is data.</param>
    public static int Read(InputSource source, int headerLines)
    {
        if (source.Compressed)
        {
            return 0;
        }

        if (source.InMemory)
        {
            var content = source.Content;
            return Rows(content.Count((byte)'\n'), content.Length == 0 || content[^1] == (byte)'\n', headerLines);
        }

        using var stream = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[BufferLength];
        long lineFeeds = 0;
        var endsWithLineFeed = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            lineFeeds += chunk.Count((byte)'\n');
            endsWithLineFeed = chunk[^1] == (byte)'\n';
        }

        return Rows(lineFeeds, endsWithLineFeed, headerLines);
    }

    // Lines = line feeds, plus the last line when it has none; the header is not a data row.
    private static int Rows(long lineFeeds, bool endsWithLineFeed, int headerLines)
    {
        var lines = lineFeeds + (endsWithLineFeed ? 0 : 1);
        return (int)Math.Clamp(lines - headerLines, 0, Array.MaxLength);
    }
}
