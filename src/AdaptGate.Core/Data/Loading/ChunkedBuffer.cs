namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Append-only buffer made of fixed-size chunks. Unlike a doubling array it never copies
/// while growing and never holds twice the data, which keeps peak memory close to the final
/// column size when loading millions of rows; <see cref="ToArray"/> does the one copy.
/// Given the expected count, the first chunk has exactly that length, and when the guess is
/// right <see cref="ToArray"/> hands it over without copying: for a file of millions of rows
/// that saves a second copy of every column at the peak.
/// </summary>
internal sealed class ChunkedBuffer<T>
{
    private const int ChunkLength = 1 << 16;

    private readonly List<T[]> _full = [];
    private T[] _current;
    private int _position;

    /// <param name="expectedCount">How many values will probably be added; 0 when unknown.</param>
    public ChunkedBuffer(int expectedCount = 0)
    {
        // Uninitialized: only the added values are ever read, so zeroing millions of them first is wasted work.
        _current = expectedCount > 0 ? GC.AllocateUninitializedArray<T>(expectedCount) : new T[ChunkLength];
    }

    public int Count => (_full.Count * ChunkLength) + _position;

    public void Add(T value)
    {
        if (_position == _current.Length)
        {
            _full.Add(_current);
            _current = new T[ChunkLength];
            _position = 0;
        }

        _current[_position++] = value;
    }

    public void AddRepeated(T value, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Add(value);
        }
    }

    /// <summary>Copies the values out and releases the chunks, so the caller holds one copy only.</summary>
    public T[] ToArray()
    {
        if (_full.Count == 0 && _position == _current.Length)
        {
            var whole = _current;
            _current = [];
            _position = 0;
            return whole;
        }

        var result = new T[Count];
        var offset = 0;
        foreach (var chunk in _full)
        {
            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }

        Array.Copy(_current, 0, result, offset, _position);
        _full.Clear();
        _current = [];
        _position = 0;
        return result;
    }
}
