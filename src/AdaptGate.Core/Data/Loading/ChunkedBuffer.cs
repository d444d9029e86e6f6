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
    private int _fullCount;

    /// <param name="expectedCount">How many values will probably be added; 0 when unknown.</param>
    public ChunkedBuffer(int expectedCount = 0)
    {
        // Uninitialized: only the added values are ever read, so zeroing millions of them first is wasted work.
        _current = expectedCount > 0 ? GC.AllocateUninitializedArray<T>(expectedCount) : new T[ChunkLength];
    }

    // The first chunk may have the expected count's length rather than ChunkLength, so full chunks are counted as they fill.
    public int Count => _fullCount + _position;

    public void Add(T value)
    {
        if (_position == _current.Length)
        {
            NextChunk();
        }

        _current[_position++] = value;
    }

    /// <summary>Appends the values of <paramref name="other"/> in order and releases its chunks.</summary>
    public void AddRange(ChunkedBuffer<T> other)
    {
        foreach (var chunk in other._full)
        {
            AddRange(chunk);
        }

        AddRange(other._current.AsSpan(0, other._position));
        other.Release();
    }

    /// <summary>Appends the codes of <paramref name="other"/>, each through <paramref name="map"/> (code to code; negative codes stay), and releases its chunks.</summary>
    public static void AddMapped(ChunkedBuffer<int> target, ChunkedBuffer<int> other, int[] map)
    {
        foreach (var chunk in other._full)
        {
            AddMapped(target, chunk, map);
        }

        AddMapped(target, other._current.AsSpan(0, other._position), map);
        other.Release();
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
        Release();
        return result;
    }

    private static void AddMapped(ChunkedBuffer<int> target, ReadOnlySpan<int> codes, int[] map)
    {
        foreach (var code in codes)
        {
            target.Add(code < 0 ? code : map[code]);
        }
    }

    private void AddRange(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            if (_position == _current.Length)
            {
                NextChunk();
            }

            var take = Math.Min(values.Length, _current.Length - _position);
            values[..take].CopyTo(_current.AsSpan(_position));
            _position += take;
            values = values[take..];
        }
    }

    private void NextChunk()
    {
        _full.Add(_current);
        _fullCount += _current.Length;
        _current = new T[ChunkLength];
        _position = 0;
    }

    private void Release()
    {
        _full.Clear();
        _fullCount = 0;
        _current = [];
        _position = 0;
    }
}
