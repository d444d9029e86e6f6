using System.Text;
using System.Text.Json;

namespace AdaptGate.Core.Policy.Json;

/// <summary>Where a value sits in the file: the 1-based line of its key (or of the value, in an array), its token, and its text when it is a string or a number.</summary>
internal readonly record struct JsonLocation(long Line, JsonTokenType Token, string? Text);

/// <summary>A key written twice in the same object (JSON would silently keep the last).</summary>
internal sealed record JsonDuplicateKey(string Path, long Line, long FirstLine);

/// <summary>
/// Maps every JSON path of a document to its line, so that an error found after deserialisation
/// (a value out of range) can still point at the line a person has to fix. Utf8JsonReader has no
/// public line counter, so lines come from the byte offset of each token.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, JsonLocation> _locations;

    private JsonLineIndex(Dictionary<string, JsonLocation> locations, JsonDuplicateKey? duplicate)
    {
        _locations = locations;
        FirstDuplicate = duplicate;
    }

    /// <summary>The first key that appears twice in one object, if any.</summary>
    public JsonDuplicateKey? FirstDuplicate { get; }

    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Reads the whole document. Bad syntax throws a <see cref="JsonException"/> whose
    /// <see cref="JsonException.Path"/> is the last place read and whose LineNumber is 0-based, as the reader reports it.
    /// </summary>
    public static JsonLineIndex Build(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = LineStarts(utf8);
        var locations = new Dictionary<string, JsonLocation>(StringComparer.Ordinal);
        var frames = new Stack<Frame>();
        JsonDuplicateKey? duplicate = null;
        string pendingPath = JsonPathText.Root;
        long pendingLine = 1;
        var lastPath = JsonPathText.Root;

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            while (reader.Read())
            {
                var line = LineOf(lineStarts, reader.TokenStartIndex);
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var frame = frames.Peek();
                    var name = reader.GetString()!;
                    pendingPath = JsonPathText.Property(frame.Path, name);
                    pendingLine = line;
                    lastPath = pendingPath;
                    if (!frame.Keys!.TryAdd(name, line) && duplicate is null)
                    {
                        duplicate = new JsonDuplicateKey(pendingPath, line, frame.Keys[name]);
                    }

                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }

                string path;
                if (frames.TryPeek(out var parent) && parent.Keys is null)
                {
                    path = JsonPathText.Element(parent.Path, parent.NextIndex++);
                }
                else
                {
                    path = frames.Count == 0 ? JsonPathText.Root : pendingPath;
                    line = frames.Count == 0 ? line : pendingLine;
                }

                lastPath = path;
                locations[path] = new JsonLocation(line, reader.TokenType, ScalarText(ref reader));
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    frames.Push(new Frame(path, new Dictionary<string, long>(StringComparer.Ordinal)));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    frames.Push(new Frame(path, null));
                }
            }
        }
        catch (JsonException e)
        {
            throw new JsonException(e.Message, lastPath, e.LineNumber, e.BytePositionInLine, e);
        }

        return new JsonLineIndex(locations, duplicate);
    }

    /// <summary>The location of exactly this path, if the file has it.</summary>
    public JsonLocation? Find(string path) => _locations.TryGetValue(path, out var location) ? location : null;

    /// <summary>
    /// The line of this path, or of the nearest enclosing path the file has (a key absent from the
    /// file takes the line of its parent object), or 1.
    /// </summary>
    public long LineOf(string path)
    {
        if (_locations.TryGetValue(path, out var exact))
        {
            return exact.Line;
        }

        var best = (Length: -1, Line: 1L);
        foreach (var (known, location) in _locations)
        {
            if (known.Length > best.Length && path.Length > known.Length && path.StartsWith(known, StringComparison.Ordinal) && path[known.Length] is '.' or '[')
            {
                best = (known.Length, location.Line);
            }
        }

        return best.Line;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };

    private static List<long> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static long LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed class Frame(string path, Dictionary<string, long>? keys)
    {
        public string Path { get; } = path;

        /// <summary>The keys seen so far, with their lines; null for an array.</summary>
        public Dictionary<string, long>? Keys { get; } = keys;

        public int NextIndex { get; set; }
    }
}
