using System.Globalization;
using AdaptGate.Core;
using AdaptGate.GitHub;
using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Ci;

/// <summary>
/// Where `adaptgate comment` publishes, from its options and the GitHub Actions environment:
/// the repository, the pull request, the API address, the token, and the run to link the status to.
/// </summary>
internal sealed record GitHubCommentContext(GitHubConnectionOptions Connection, PullRequestTarget Target, Uri? RunUrl)
{
    /// <summary>Where the token is read from, first found first used: never from an option, which would show in process lists and logs.</summary>
    public static readonly string[] TokenVariables = ["ADAPTGATE_GITHUB_TOKEN", "GITHUB_TOKEN"];

    /// <summary>Everything missing is named in one message, so one fix makes the next run work.</summary>
    public static GitHubCommentContext Resolve(IEnvironment environment, string? repoOption, int? prOption, GitHubRetryOptions retry)
    {
        var missing = new List<string>();

        var repository = repoOption is not null ? GitHubRepository.Parse(repoOption, "--repo")
            : environment.Get("GITHUB_REPOSITORY") is { Length: > 0 } fromEnvironment ? GitHubRepository.Parse(fromEnvironment, "GITHUB_REPOSITORY")
            : null;
        if (repository is null)
        {
            missing.Add("no repository (pass --repo owner/name, or run in GitHub Actions, which sets GITHUB_REPOSITORY)");
        }

        var number = prOption ?? FromEvent(environment) ?? PullRequestEvent.NumberFromRef(environment.Get("GITHUB_REF"));
        if (number is null)
        {
            missing.Add("no pull request (pass --pr N, or run on a pull_request event: the number comes from GITHUB_EVENT_PATH's pull_request.number or GITHUB_REF refs/pull/N/merge)");
        }

        var tokenSource = TokenVariables.FirstOrDefault(name => !string.IsNullOrWhiteSpace(environment.Get(name)));
        var token = tokenSource is null ? null : GitHubToken.Require(environment.Get(tokenSource)!.Trim(), tokenSource);
        if (token is null)
        {
            missing.Add("no token (set GITHUB_TOKEN, in a workflow 'env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}', or ADAPTGATE_GITHUB_TOKEN)");
        }

        if (missing.Count > 0)
        {
            throw new InputException("Cannot comment: " + string.Join("; ", missing) + ".");
        }

        var connection = new GitHubConnectionOptions(ApiAddress(environment), token!) { Retry = retry };
        return new GitHubCommentContext(connection, new PullRequestTarget(repository!, number!.Value), RunAddress(environment));
    }

    private static int? FromEvent(IEnvironment environment)
    {
        if (environment.Get("GITHUB_EVENT_PATH") is not { Length: > 0 } path)
        {
            return null;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the event file GITHUB_EVENT_PATH names: {e.Message}", path, hint: "Pass --pr N to name the pull request yourself.", inner: e);
        }

        return PullRequestEvent.NumberFromEvent(json, path);
    }

    /// <summary>GITHUB_API_URL exactly as given (GitHub Enterprise Server: https://HOST/api/v3), else github.com's.</summary>
    private static Uri ApiAddress(IEnvironment environment)
    {
        if (environment.Get("GITHUB_API_URL") is not { Length: > 0 } text)
        {
            return GitHubConnectionOptions.GitHubDotCom;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new InputException($"GITHUB_API_URL is not an http(s) address: '{text}'.", hint: "Set it to the API's address, such as https://api.github.com or https://HOST/api/v3, or unset it.");
    }

    /// <summary>The workflow run, for the status's link: known only inside GitHub Actions.</summary>
    private static Uri? RunAddress(IEnvironment environment) =>
        environment.Get("GITHUB_SERVER_URL") is { Length: > 0 } server
        && environment.Get("GITHUB_REPOSITORY") is { Length: > 0 } repository
        && long.TryParse(environment.Get("GITHUB_RUN_ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var run)
        && Uri.TryCreate($"{server.TrimEnd('/')}/{repository}/actions/runs/{run}", UriKind.Absolute, out var url)
            ? url
            : null;
}
