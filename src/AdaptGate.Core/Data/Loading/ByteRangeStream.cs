namespace AdaptGate.Core.Data.Loading;

/// <summary>Reads a run of a seekable stream's bytes, from its start for its length only: one chunk of a file parsed in parallel.</summary>
internal sealed class ByteRangeStream : ForwardReadStream
{
    private long _left;

    public ByteRangeStream(Stream inner, long start, long length)
        : base(inner)
    {
        Inner.Seek(start, SeekOrigin.Begin);
        _left = length;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_left <= 0)
        {
            return 0;
        }

        var read = Inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
        _left -= read;
        return read;
    }
}
