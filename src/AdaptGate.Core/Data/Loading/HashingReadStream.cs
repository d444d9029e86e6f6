using System.Security.Cryptography;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Passes a stream's bytes through while hashing them (SHA-256, what the history records), so a file
/// is hashed on the read that parses it instead of on a second read afterwards.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : ForwardReadStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Reads whatever the consumer left unread (such as bytes after a gzip stream's end) and returns the hash of all the bytes, as lowercase hex.</summary>
    public string FinishSha256()
    {
        var rest = new byte[1 << 16];
        while (Read(rest) > 0)
        {
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
