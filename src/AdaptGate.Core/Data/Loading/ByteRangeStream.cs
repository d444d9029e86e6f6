namespace AdaptGate.Core.Data.Loading;

/// <summary>Reads a run of a seekable stream's bytes, from its start for its length only: one chunk of a file parsed in parallel.</summary>
internal sealed class ByteRangeStream : Stream
{
    private readonly Stream _inner;
    private long _left;

    public ByteRangeStream(Stream inner, long start, long length)
    {
        _inner = inner;
        _inner.Seek(start, SeekOrigin.Begin);
        _left = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_left <= 0)
        {
            return 0;
        }

        var read = _inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
        _left -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
