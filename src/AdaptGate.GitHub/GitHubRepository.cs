using System.Text.RegularExpressions;
using AdaptGate.Core;

namespace AdaptGate.GitHub;

/// <summary>A repository as GitHub names it: owner/name.</summary>
public sealed partial record GitHubRepository(string Owner, string Name)
{
    /// <summary>
    /// Reads "owner/name" (as --repo and GITHUB_REPOSITORY give it). <paramref name="source"/> names
    /// where the text came from, so the error says what to fix.
    /// </summary>
    public static GitHubRepository Parse(string text, string source)
    {
        var match = OwnerSlashName().Match(text.Trim());
        return match.Success
            ? new GitHubRepository(match.Groups["owner"].Value, match.Groups["name"].Value)
            : throw new InputException($"{source} takes owner/name (such as octo-org/models), not '{text}'.");
    }

    public override string ToString() => $"{Owner}/{Name}";

    // GitHub's own limits: owners are letters, digits and hyphens; names add '.' and '_'. Anything
    // else would change the path of the API requests, so it is refused rather than escaped.
    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?<name>[A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerSlashName();
}
