using System.Text.RegularExpressions;
using AdaptGate.Core;

namespace AdaptGate.GitHub;

/// <summary>
/// The hidden first line that makes a comment ours: <c>&lt;!-- adaptgate:KEY --&gt;</c>. The key
/// lets several models in one repository keep a comment each.
/// </summary>
public static partial class CommentMarker
{
    public const string DefaultKey = "default";

    /// <summary>The marker line for a key (checked: it must not be able to close the HTML comment).</summary>
    public static string For(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new InputException($"--key takes 1 to 64 letters, digits, '.', '_' or '-' (it goes into a hidden HTML comment), not '{key}'.");
        }

        return $"<!-- adaptgate:{key} -->";
    }

    /// <summary>
    /// Whether a comment carries this marker. It must open the body: a person quoting our comment
    /// ("> &lt;!-- adaptgate:default --&gt;") or mentioning the marker does not make their comment
    /// ours, and the closing " --&gt;" keeps key "a" from matching "a-2".
    /// </summary>
    public static bool IsOn(string? body, string marker) =>
        body is not null && body.StartsWith(marker, StringComparison.Ordinal)
        && (body.Length == marker.Length || body[marker.Length] is '\n' or '\r');

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
