using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdaptGate.Core;

namespace AdaptGate.GitHub;

/// <summary>
/// Where GitHub Actions tells a step which pull request it runs for: the event file
/// (GITHUB_EVENT_PATH, <c>pull_request.number</c>) and the ref (GITHUB_REF, <c>refs/pull/N/merge</c>).
/// The Tool reads the variables and the file; this only reads their text.
/// </summary>
public static partial class PullRequestEvent
{
    /// <summary>The pull request number in an event payload, or null when the event is not about one (a push).</summary>
    public static int? NumberFromEvent(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("pull_request", out var pullRequest)
                && pullRequest.ValueKind == JsonValueKind.Object
                && pullRequest.TryGetProperty("number", out var number)
                && number.ValueKind == JsonValueKind.Number
                && number.TryGetInt32(out var value)
                && value > 0
                    ? value
                    : null;
        }
        catch (JsonException e)
        {
            throw new InputException($"The event file is not JSON: {e.Message}", path, hint: "GITHUB_EVENT_PATH should name the event file the runner wrote; pass --pr N to bypass it.", inner: e);
        }
    }

    /// <summary>The number in refs/pull/N/merge (or refs/pull/N/head), or null for any other ref.</summary>
    public static int? NumberFromRef(string? gitRef)
    {
        var match = gitRef is null ? null : PullRef().Match(gitRef);
        return match is { Success: true } && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }

    [GeneratedRegex(@"^refs/pull/(?<n>[0-9]{1,9})/(merge|head)$", RegexOptions.CultureInvariant)]
    private static partial Regex PullRef();
}
