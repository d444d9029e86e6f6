namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// When and how finely a delimited file is parsed in chunks on several cores (see <see cref="DelimitedTableReader"/>).
/// Each chunk's values are held until the chunks are joined, so memory is the columns plus a few read buffers per
/// worker, whatever the number of cores.
/// </summary>
/// <param name="Workers">Threads parsing chunks; fewer than 2 reads in one pass.</param>
/// <param name="ChunkBytes">The bytes a chunk reaches before it ends at the next row boundary; 0 picks it from the file's size.</param>
/// <param name="MinFileBytes">Smaller files are read in one pass: starting the workers would cost more than it saves.</param>
/// <param name="Log">Where a read notes what it did (tests); null notes nothing.</param>
internal sealed record DelimitedChunking(int Workers, long ChunkBytes, long MinFileBytes, ChunkedReadLog? Log = null)
{
    private const long MinAutoChunkBytes = 4L << 20;
    private const long MaxAutoChunkBytes = 64L << 20;

    /// <summary>One worker per core this process may use (which honours DOTNET_PROCESSOR_COUNT and the CPU affinity).</summary>
    public static DelimitedChunking ForThisMachine() => new(Environment.ProcessorCount, ChunkBytes: 0, MinFileBytes: 8L << 20);

    /// <summary>The workers when <paramref name="ways"/> reads run at once: the cores divided among them (one each, or fewer, reads in one pass).</summary>
    public DelimitedChunking Shared(int ways) => this with { Workers = Math.Max(1, Workers / ways) };

    /// <summary>
    /// Whether the source is parsed in chunks: a gzip file cannot be entered in the middle, and an empty one has
    /// nothing to split.
    /// </summary>
    public bool Applies(InputSource source) => Workers >= 2 && !source.Compressed && source.RawLength is var length && length > 0 && length >= MinFileBytes;

    /// <summary>A few chunks per worker, so one slow chunk does not leave the other cores idle at the end.</summary>
    public long ChunkLength(long fileBytes) => ChunkBytes > 0 ? ChunkBytes : Math.Clamp(fileBytes / (4L * Workers), MinAutoChunkBytes, MaxAutoChunkBytes);
}

/// <summary>What chunked reads did: tests check that the parallel path ran, not only the single pass.</summary>
internal sealed class ChunkedReadLog
{
    /// <summary>Chunks of the last read that finished in chunks.</summary>
    public int Chunks { get; set; }

    /// <summary>Chunk reads repeated because a chunk's first value chose another kind than the column had.</summary>
    public int Rereads { get; set; }

    /// <summary>Columns of mixed kinds rebuilt as categorical from the chunks.</summary>
    public int Rebuilt { get; set; }

    /// <summary>Reads left to the single pass (a problem in the file, or no data rows).</summary>
    public int FellBack { get; set; }
}
