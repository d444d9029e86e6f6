namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// The number of data rows a delimited file most likely holds, from one fast pass counting its
/// line feeds (vectorized; no decoding: a UTF-8 multi-byte sequence never contains the byte 0x0A).
/// It is exact for the usual file (one row per line, header first) and an upper bound otherwise:
/// blank lines and quoted line breaks make it too high. Files that end lines with a lone CR give 0,
/// "unknown". Column buffers are sized by it, so a large file is not held twice while loading.
/// </summary>
internal static class RowCountBound
{
    private const int BufferLength = 1 << 20;

    public static int Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
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

        // Lines = line feeds, plus the last line when it has none; the header is not a data row.
        var lines = lineFeeds + (endsWithLineFeed ? 0 : 1);
        return (int)Math.Clamp(lines - 1, 0, Array.MaxLength);
    }
}
