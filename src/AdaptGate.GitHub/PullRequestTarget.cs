namespace AdaptGate.GitHub;

/// <summary>The pull request a verdict goes to.</summary>
public sealed record PullRequestTarget(GitHubRepository Repository, int Number)
{
    public override string ToString() => $"{Repository}#{Number}";
}
