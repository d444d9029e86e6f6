namespace AdaptGate.GitHub;

/// <summary>
/// What publishing needs to know about the pull request: the commit its status goes on, and
/// whether it comes from a fork (whose workflows get a read-only token).
/// </summary>
public sealed record PullRequestHead(string Sha, bool FromFork);
