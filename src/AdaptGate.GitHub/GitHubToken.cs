using AdaptGate.Core;

namespace AdaptGate.GitHub;

/// <summary>
/// A token goes into an HTTP header, which cannot hold a line break, a control character or anything but ASCII:
/// such a token (a secret pasted with a line inside it) is refused by name, never echoed, before any request.
/// </summary>
public static class GitHubToken
{
    /// <param name="token">The token, already trimmed.</param>
    /// <param name="source">Where it came from, for the message (GITHUB_TOKEN, ADAPTGATE_GITHUB_TOKEN).</param>
    /// <exception cref="InputException">The token has a character no header can carry.</exception>
    public static string Require(string token, string source)
    {
        var at = token.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (at < 0)
        {
            return token;
        }

        var what = token[at] is '\n' or '\r' ? "a line break" : char.IsControl(token[at]) ? "a control character" : "a character outside ASCII";
        throw new InputException(
            $"{source} has {what} inside the token (at character {at + 1}), which an HTTP header cannot carry.",
            hint: $"Set {source} to the token alone, on one line; if the secret was pasted with several lines, paste it again.");
    }
}
