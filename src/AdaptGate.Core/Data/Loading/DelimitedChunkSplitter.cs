using System.Collections.Concurrent;
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
    private const int BuffersInFlight = 4;

    /// <param name="raw">The file's bytes from the start (not compressed).</param>
    /// <param name="chunkBytes">The length a run reaches before it is cut at the next row boundary.</param>
    /// <param name="emit">Called with each run as soon as it is found, in file order.</param>
    /// <param name="ct">Stops the read.</param>
    /// <returns>The SHA-256 of all the bytes, as lowercase hex.</returns>
    public static string Split(Stream raw, long chunkBytes, Action<ByteChunk> emit, CancellationToken ct)
    {
        // The hash runs on its own thread over the same buffers: it is slower than the counting, and the workers
        // should not wait for it to get their chunks.
        using var free = new BlockingCollection<byte[]>();
        using var filled = new BlockingCollection<(byte[] Bytes, int Length)>();
        for (var b = 0; b < BuffersInFlight; b++)
        {
            free.Add(new byte[BufferLength], CancellationToken.None);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = Task.Factory.StartNew(
            () =>
            {
                foreach (var (bytes, length) in filled.GetConsumingEnumerable(CancellationToken.None))
                {
                    hash.AppendData(bytes, 0, length);
                    free.Add(bytes, CancellationToken.None);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            Scan(raw, chunkBytes, emit, free, filled, ct);
        }
        finally
        {
            filled.CompleteAdding();
            hashing.Wait(CancellationToken.None);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Scan(Stream raw, long chunkBytes, Action<ByteChunk> emit, BlockingCollection<byte[]> free, BlockingCollection<(byte[] Bytes, int Length)> filled, CancellationToken ct)
    {
        long position = 0, chunkStart = 0, cutAfter = chunkBytes;
        var lineFeeds = 0;
        var inQuotes = false;
        var index = 0;
        int read;
        while (true)
        {
            var buffer = free.Take(ct);
            if ((read = raw.Read(buffer, 0, buffer.Length)) == 0)
            {
                break;
            }

            // Both only read the buffer; it comes back to the free ones once hashed, and is taken again only after this scan.
            filled.Add((buffer, read), ct);
            var bytes = buffer.AsSpan(0, read);
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
    }
}
