using System.Collections;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// Metric values by name, in the order they were added; names compare case-insensitively.
/// "accuracy" and "micro-accuracy" are aliases on lookup (they are the same number for
/// multiclass), so a binary baseline's "accuracy" can be found in a multiclass set and back.
/// </summary>
public sealed class MetricSet : IEnumerable<KeyValuePair<string, double>>
{
    private readonly List<KeyValuePair<string, double>> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _entries.Count;

    public IEnumerable<string> Names
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return entry.Key;
            }
        }
    }

    public double this[string name] =>
        TryGetValue(name, out var value) ? value : throw new KeyNotFoundException("No metric named '" + name + "'.");

    /// <summary>Adds a metric; a name already present (case-insensitively) is a programming error.</summary>
    public void Add(string name, double value)
    {
        if (!_index.TryAdd(name, _entries.Count))
        {
            throw new ArgumentException("Metric '" + name + "' is already in the set.", nameof(name));
        }

        _entries.Add(new KeyValuePair<string, double>(name, value));
    }

    public bool Contains(string name) => TryGetValue(name, out _);

    public bool TryGetValue(string name, out double value)
    {
        if (_index.TryGetValue(name, out var i) || (MetricNames.AliasOf(name) is { } alias && _index.TryGetValue(alias, out i)))
        {
            value = _entries[i].Value;
            return true;
        }

        value = double.NaN;
        return false;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
