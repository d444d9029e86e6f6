namespace AdaptGate.GitHub;

/// <summary>Where the GitHub REST API is, and the token to call it with.</summary>
public sealed record GitHubConnectionOptions(Uri ApiBaseAddress, string Token)
{
    /// <summary>github.com's API; GitHub Enterprise Server has its own (GITHUB_API_URL).</summary>
    public static readonly Uri GitHubDotCom = new("https://api.github.com/");

    public GitHubRetryOptions Retry { get; init; } = GitHubRetryOptions.Default;

    /// <summary>
    /// "Bearer" instead of "token" in the Authorization header (GitHub accepts both for its tokens;
    /// some proxies in front of GitHub Enterprise want one of them).
    /// </summary>
    public bool UseBearerScheme { get; init; }

    /// <summary>Never the token, whatever formats the options.</summary>
    public override string ToString() => $"GitHubConnectionOptions {{ ApiBaseAddress = {ApiBaseAddress} }}";
}
