using System.Security.Cryptography;

namespace AdaptGate.Core.Data.Loading;

/// <summary>A run of whole rows of a delimited file: bytes [Start, Start + Length), holding LineFeeds line feeds.</summary>
internal sealed record ByteChunk(int Index, long Start, long Length, int LineFeeds);

/// <summary>
/// Cuts a delimited file into runs of whole rows for parsing in parallel, hashing its bytes (SHA-256, what the
/// history records) on the same read. A row ends at a line feed outside quotes. Sep, like RFC 4180, toggles
/// "inside quotes" at every quote character, doubled ones included, so a line feed is a row boundary exactly when
/// the quotes before it are even in number: one pass counting quotes from the start finds safe cuts, and a
/// quoted line break is never cut. An unclosed quote leaves the rest of the file in one run, as Sep reads it.
/// </summary>
internal static class DelimitedChunkSplitter
{
    private const int BufferLength = 1 << 20;

    /// <param name="raw">The file's bytes from the start (not compressed).</param>
    /// <param name="chunkBytes">The length a run reaches before it is cut at the next row boundary.</param>
    /// <param name="emit">Called with each run as soon as it is found, in file order.</param>
    /// <param name="ct">Stops the read.</param>
    /// <returns>The SHA-256 of all the bytes, as lowercase hex.</returns>
    public static string Split(Stream raw, long chunkBytes, Action<ByteChunk> emit, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferLength];
        long position = 0, chunkStart = 0, cutAfter = chunkBytes;
        var lineFeeds = 0;
        var inQuotes = false;
        var index = 0;
        int read;
        while ((read = raw.Read(buffer, 0, buffer.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            var bytes = buffer.AsSpan(0, read);
            hash.AppendData(bytes);
            var i = 0;
            while (i < read)
            {
                if (position + i < cutAfter)
                {
                    // Before the cut only the counts matter, which vectorized counting gives in bulk.
                    var end = (int)Math.Min(read, cutAfter - position);
                    var run = bytes[i..end];
                    inQuotes ^= (run.Count((byte)'"') & 1) == 1;
                    lineFeeds += run.Count((byte)'\n');
                    i = end;
                    continue;
                }

                var next = bytes[i..].IndexOfAny((byte)'"', (byte)'\n');
                if (next < 0)
                {
                    break;
                }

                i += next + 1;
                if (bytes[i - 1] == (byte)'"')
                {
                    inQuotes = !inQuotes;
                    continue;
                }

                lineFeeds++;
                if (!inQuotes)
                {
                    var cut = position + i;
                    emit(new ByteChunk(index++, chunkStart, cut - chunkStart, lineFeeds));
                    chunkStart = cut;
                    cutAfter = cut + chunkBytes;
                    lineFeeds = 0;
                }
            }

            position += read;
        }

        if (position > chunkStart || index == 0)
        {
            emit(new ByteChunk(index, chunkStart, position - chunkStart, lineFeeds));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
