using System.IO.Compression;
using System.Security.Cryptography;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// A data file opened once. A regular file can be opened again for each pass (counting lines,
/// parsing, re-reading mixed columns), so it is read from disk each time and never held whole.
/// A FIFO, a pipe from process substitution (<c>/dev/fd/63</c>) or another stream that cannot seek
/// gives its bytes only once: they are read into memory on first open and every pass, and the
/// history's hash, uses that copy.
/// </summary>
internal sealed class InputSource
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();

    private readonly byte[]? _content;

    private InputSource(string path, byte[]? content)
    {
        Path = path;
        _content = content;
        Compressed = string.Equals(System.IO.Path.GetExtension(path), ".gz", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The path as the user gave it.</summary>
    public string Path { get; }

    /// <summary>Named <c>.gz</c>: every read goes through gzip decompression.</summary>
    public bool Compressed { get; }

    /// <summary>True when the input could not be reopened and its bytes are held in memory.</summary>
    public bool InMemory => _content is not null;

    /// <summary>
    /// The name that says the format: the path without a <c>.gz</c> suffix (<c>data.tsv.gz</c> reads as <c>data.tsv</c>).
    /// </summary>
    public string FormatName => Compressed ? System.IO.Path.ChangeExtension(Path, null) : Path;

    /// <summary>Opens the path once; a stream that cannot seek is read to its end here.</summary>
    public static InputSource Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        using (stream)
        {
            if (stream.CanSeek)
            {
                return new InputSource(path, content: null);
            }

            using var copy = new MemoryStream();
            try
            {
                stream.CopyTo(copy, 1 << 16);
            }
            catch (IOException e) when (copy.Length >= Array.MaxLength - (1 << 16))
            {
                throw new InputException(
                    "The stream is too large to hold in memory.",
                    path,
                    hint: "Save it to a regular file and pass that file's path.",
                    inner: e);
            }

            return new InputSource(path, copy.ToArray());
        }
    }

    /// <summary>The raw bytes: a new stream over the file, or over the copy in memory.</summary>
    public Stream OpenRaw() => _content is { } bytes
        ? new MemoryStream(bytes, writable: false)
        : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>The text bytes: decompressed when the file is named <c>.gz</c>.</summary>
    public Stream OpenText() => OpenText(OpenRaw());

    /// <summary>
    /// The text bytes, with the file's bytes hashed as they are read: <paramref name="hashing"/> gives the hash once
    /// the text is read. Null for bytes held in memory, which <see cref="Sha256"/> hashes without reading a file.
    /// </summary>
    public Stream OpenTextHashing(out HashingReadStream? hashing)
    {
        hashing = _content is null ? new HashingReadStream(OpenRaw()) : null;
        return OpenText(hashing ?? OpenRaw());
    }

    /// <summary>The raw bytes [start, start + length) of an uncompressed input, for one chunk of a parallel parse.</summary>
    public Stream OpenRange(long start, long length) => _content is { } bytes
        ? new MemoryStream(bytes, (int)start, (int)length, writable: false)
        : new ByteRangeStream(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), start, length);

    /// <summary>The length in bytes of the raw input (compressed, for a gzip file).</summary>
    public long RawLength => _content is { } bytes ? bytes.Length : new FileInfo(Path).Length;

    /// <summary>The bytes held in memory, for counting lines without another stream; null for a regular file.</summary>
    public ReadOnlySpan<byte> Content => _content;

    /// <summary>SHA-256 of the bytes held in memory (what the history records), or null for a regular file, which is hashed from disk.</summary>
    public string? Sha256() => _content is { } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;

    private Stream OpenText(Stream raw) => Compressed ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false) : raw;

    /// <summary>Whether the first bytes are gzip's signature.</summary>
    public bool StartsWithGzipMagic() => StartsWith(GzipMagic);

    /// <summary>Whether the first bytes are Parquet's signature.</summary>
    public bool StartsWithParquetMagic() => StartsWith(ParquetMagic);

    private bool StartsWith(byte[] magic)
    {
        if (_content is { } bytes)
        {
            return bytes.AsSpan().StartsWith(magic);
        }

        using var stream = OpenRaw();
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, magic.Length, throwOnEndOfStream: false);
        return head[..read].StartsWith(magic);
    }
}
