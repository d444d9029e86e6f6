namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Dictionary-encodes text values in order of first appearance. Lookups go through a span-keyed
/// alternate view of the dictionary, so a repeated value costs a hash lookup and no string;
/// only the first occurrence of each distinct value allocates.
/// </summary>
internal sealed class CategoryEncoder
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _categories = [];

    public CategoryEncoder()
    {
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Encode(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var code))
        {
            return code;
        }

        var text = value.ToString();
        code = _categories.Count;
        _codes.Add(text, code);
        _categories.Add(text);
        return code;
    }

    public int Encode(string value)
    {
        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        code = _categories.Count;
        _codes.Add(value, code);
        _categories.Add(value);
        return code;
    }

    public string[] Categories() => [.. _categories];
}
