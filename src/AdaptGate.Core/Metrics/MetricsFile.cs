using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// Reads metrics any framework wrote as a flat JSON object of name → number, e.g.
/// <c>{"auc": 0.91, "LogLoss": 0.3}</c>. Names are normalised (<see cref="MetricNames.Normalize"/>).
/// </summary>
public static class MetricsFile
{
    private const string Example = "Write a flat JSON object of metric name to number, e.g. {\"auc\": 0.91, \"log-loss\": 0.3}.";

    /// <exception cref="InputException">The file is missing, not JSON, not a flat object of finite numbers, has a name twice, or is empty.</exception>
    public static MetricSet Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot read the metrics file: " + e.Message, path, inner: e);
        }

        try
        {
            return Parse(bytes, path);
        }
        catch (JsonException e)
        {
            throw new InputException(
                "not valid JSON: " + e.Message, path, e.LineNumber + 1, hint: Example, inner: e);
        }
    }

    private static MetricSet Parse(ReadOnlySpan<byte> bytes, string path)
    {
        var json = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InputException("the file is empty", path, hint: Example);
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        reader.Read();

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InputException(
                "expected a JSON object, found " + Describe(reader.TokenType), path, LineOf(json, reader.TokenStartIndex), hint: Example);
        }

        var set = new MetricSet();
        var spelledAs = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var line = LineOf(json, reader.TokenStartIndex);
            var name = MetricNames.Normalize(key);
            reader.Read();
            var value = ReadNumber(ref reader, key, path, line);
            if (MetricRange.Violated(name, value) is { } range)
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"metric '{MessageText.Name(key)}' at {Policy.Json.JsonPathText.Property(Policy.Json.JsonPathText.Root, key)} is {value}, but {name} is {range}"),
                    path, line, hint: value is > 1 and <= 100 && range == "between 0 and 1"
                        ? "Write it as a share (0.91), not a percentage (91)."
                        : "Check that the value is this metric's and the name is the one the framework meant.");
            }

            if (!spelledAs.TryAdd(name, key))
            {
                throw new InputException(
                    $"metric '{key}' is given twice (also as '{spelledAs[name]}'; names ignore case and aliases)", path, line,
                    hint: "Keep one value per metric.");
            }

            set.Add(name, value);
        }

        // Utf8JsonReader validates the structure as it goes: anything after the object's end throws JsonException.
        while (reader.Read())
        {
        }

        if (set.Count == 0)
        {
            throw new InputException("the metrics object is empty", path, hint: Example);
        }

        return set;
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string key, string path, long line)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var value) && double.IsFinite(value))
            {
                return value;
            }

            throw new InputException($"metric '{key}' is out of the range of a number", path, line, hint: Example);
        }

        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsFinite(parsed))
        {
            throw new InputException($"metric '{key}' is {text}, not a finite number", path, line,
                hint: "A metric that could not be computed has no place in the file: leave it out.");
        }

        throw new InputException(
            $"metric '{key}' is {Describe(reader.TokenType)}, not a number", path, line, hint: Example);
    }

    private static long LineOf(ReadOnlySpan<byte> json, long offset) => json[..(int)offset].Count((byte)'\n') + 1L;

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        _ => token.ToString().ToLowerInvariant(),
    };
}
