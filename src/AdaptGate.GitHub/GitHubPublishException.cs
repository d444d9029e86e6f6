namespace AdaptGate.GitHub;

/// <summary>
/// GitHub did not take the verdict. The message is one line a person can act on, and never holds
/// the token (it is scrubbed, whatever GitHub or the network stack put in it).
/// </summary>
public sealed class GitHubPublishException : Exception
{
    public GitHubPublishException(GitHubFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public GitHubFailure Failure { get; }
}
