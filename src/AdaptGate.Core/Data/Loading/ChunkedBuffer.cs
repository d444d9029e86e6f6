namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Append-only buffer made of fixed-size chunks. Unlike a doubling array it never copies
/// while growing and never holds twice the data, which keeps peak memory close to the final
/// column size when loading millions of rows; <see cref="ToArray"/> does the one copy.
/// </summary>
internal sealed class ChunkedBuffer<T>
{
    private const int ChunkLength = 1 << 16;

    private readonly List<T[]> _full = [];
    private T[] _current = new T[ChunkLength];
    private int _position;

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
