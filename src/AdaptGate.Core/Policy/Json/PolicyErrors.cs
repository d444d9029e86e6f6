using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptGate.Core.Policy.Json;

/// <summary>
/// Turns everything wrong with a policy file into one <see cref="InputException"/> that names the
/// file, the line and the JSON path, says what is wrong and what to write instead.
/// </summary>
internal sealed class PolicyErrors(string file, JsonLineIndex index, JsonShape shape, JsonNode defaults)
{
    public const string SchemaKey = "$schema";

    private const string SyntaxHint = "Comments (// and /* */) and trailing commas are allowed; everything else must be plain JSON.";

    public string File => file;

    public static InputException Empty(string file) => new(
        "The policy file is empty.", file, 1,
        hint: "Write a JSON object, such as { }, or run 'adaptgate init' for a file with every default spelled out.");

    public static InputException Syntax(string file, JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut].TrimEnd(' ', '|', '.') + ".";
        }

        var line = (e.LineNumber ?? 0) + 1;
        var character = (e.BytePositionInLine ?? 0) + 1;
        return new InputException(
            $"The policy file is not valid JSON (in {e.Path ?? JsonPathText.Root}, at character {character.ToString(CultureInfo.InvariantCulture)} of the line): {message}",
            file, line, hint: SyntaxHint, inner: e);
    }

    public InputException Duplicate(JsonDuplicateKey duplicate) => new(
        $"The key at {duplicate.Path} appears twice (first on line {duplicate.FirstLine.ToString(CultureInfo.InvariantCulture)}).",
        file, duplicate.Line,
        hint: "Keep only one: JSON readers silently use the last, so the other value would be ignored.");

    public InputException NotAnObject() => new(
        $"The policy must be a JSON object ({{ ... }}) at {JsonPathText.Root}, not {Found(index.Find(JsonPathText.Root))}.",
        file, index.LineOf(JsonPathText.Root),
        hint: "Run 'adaptgate init' for a file with every key and its default.");

    /// <summary>An error at a path: the line is the line of that key in the file.</summary>
    public InputException At(string path, string message, string? hint = null) => new(message, file, index.LineOf(path), hint: hint);

    /// <summary>The value as the file writes it (1.50 stays 1.50), or the formatted value when the file does not have it.</summary>
    public string Written(string path, double value) =>
        index.Find(path)?.Text ?? value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"The default is 0.02." for a path the defaults have, else null.</summary>
    public string? DefaultHint(string path) =>
        DefaultAt(path) is { } value ? $"The default is {value.ToJsonString()}." : null;

    /// <summary>Explains an error of the strict deserialiser: an unknown key, an unknown enum value, or a value of the wrong type.</summary>
    public InputException FromSerializer(JsonException e)
    {
        var path = e.Path ?? JsonPathText.Root;
        var segments = JsonPathText.Segments(path);
        var found = index.Find(path);

        if (segments.Count > 0 && segments[^1].Name is { } key)
        {
            var parentSegments = segments.Take(segments.Count - 1).ToArray();
            var parent = shape.At(parentSegments);
            if (parent.ObjectKeys is { } keys && !keys.Contains(key))
            {
                var valid = parentSegments.Length == 0 ? keys.Prepend(SchemaKey).ToArray() : keys;
                return At(
                    path,
                    $"Unknown key '{key}' at {path}.",
                    $"{ClosestName.Suggestion(key, valid)}The keys at {JsonPathText.Join(parentSegments)} are: {string.Join(", ", valid)}.");
            }
        }

        var at = shape.At(segments);
        if (at.Type is null)
        {
            return At(path, $"The value at {path} is not valid: {e.Message}", hint: SyntaxHint);
        }

        var plain = Nullable.GetUnderlyingType(at.Type) ?? at.Type;
        if (plain.IsEnum && found is { Token: JsonTokenType.String, Text: { } text })
        {
            var names = shape.EnumNames(plain);
            return At(
                path,
                $"Unknown value '{text}' at {path}.",
                $"{ClosestName.Suggestion(text, names)}Valid values: {string.Join(", ", names)}{(at.Nullable ? ", or null" : string.Empty)}.");
        }

        return At(path, $"The value at {path} must be {shape.Describe(at.Type, at.Nullable)}, not {Found(found)}.", DefaultHint(path));
    }

    private JsonNode? DefaultAt(string path)
    {
        JsonNode? node = defaults;
        foreach (var segment in JsonPathText.Segments(path))
        {
            node = segment.Name is { } name
                ? (node as JsonObject)?[name]
                : node is JsonArray array && segment.Index < array.Count ? array[segment.Index] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string Found(JsonLocation? found) => found switch
    {
        null => "what is there",
        { Token: JsonTokenType.String, Text: var text } => $"the string \"{text}\"",
        { Token: JsonTokenType.Number, Text: var text } => $"the number {text}",
        { Token: JsonTokenType.True } => "true",
        { Token: JsonTokenType.False } => "false",
        { Token: JsonTokenType.Null } => "null",
        { Token: JsonTokenType.StartObject } => "an object",
        { Token: JsonTokenType.StartArray } => "a list",
        _ => "what is there",
    };
}
