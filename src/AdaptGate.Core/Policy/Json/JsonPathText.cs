using System.Buffers;
using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Policy.Json;

/// <summary>One step of a JSON path: a property name or an array index.</summary>
internal readonly record struct JsonPathSegment(string? Name, int Index)
{
    public static JsonPathSegment Property(string name) => new(name, -1);

    public static JsonPathSegment Element(int index) => new(null, index);
}

/// <summary>
/// JSON paths written the way System.Text.Json writes them in its exceptions ($.a.b, $['a b'], $.list[2]),
/// so that a path from a serializer error and a path built while reading the file name the same place.
/// </summary>
internal static class JsonPathText
{
    public const string Root = "$";

    // The characters for which System.Text.Json switches from .name to ['name'].
    private static readonly SearchValues<char> Special = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    public static string Property(string parent, string name) =>
        name.Length == 0 || name.AsSpan().ContainsAny(Special)
            ? parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']"
            : parent + "." + name;

    public static string Element(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Splits a path written by <see cref="Property"/> and <see cref="Element"/> back into its steps.</summary>
    public static IReadOnlyList<JsonPathSegment> Segments(string path)
    {
        var segments = new List<JsonPathSegment>();
        var i = path.StartsWith(Root, StringComparison.Ordinal) ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                segments.Add(JsonPathSegment.Property(path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                for (; j < path.Length && !(path[j] == '\'' && j + 1 < path.Length && path[j + 1] == ']'); j++)
                {
                    if (path[j] == '\\' && j + 1 < path.Length && path[j + 1] == '\'')
                    {
                        j++;
                    }

                    name.Append(path[j]);
                }

                segments.Add(JsonPathSegment.Property(name.ToString()));
                i = j + 2;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    break;
                }

                segments.Add(JsonPathSegment.Element(index));
                i = close + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    /// <summary>Writes the path of these steps, from the root.</summary>
    public static string Join(IEnumerable<JsonPathSegment> segments) =>
        segments.Aggregate(Root, (path, s) => s.Name is { } name ? Property(path, name) : Element(path, s.Index));
}
