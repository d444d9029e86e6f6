using Octokit;
using Polly;
using Polly.Retry;

namespace AdaptGate.GitHub;

/// <summary>
/// Creates a comment at most once, although a create can fail after GitHub stored it (a 502 from a
/// proxy, an answer lost to a timeout). <see cref="ResilientHandler"/> does not repeat a comment POST
/// whose fate is unknown; this repeats it with the same backoff, but looks first: when the caller
/// knows which comments carried the marker before, a new one with exactly this body is the failed
/// attempt that landed, and it is taken instead of posting a second one.
/// </summary>
internal sealed class CommentCreator(GitHubClient client, PullRequestTarget target, GitHubErrors errors, GitHubRetryOptions retry)
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder { TimeProvider = retry.Clock }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = retry.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = new PredicateBuilder().Handle<GitHubPublishException>(e => e.Failure == GitHubFailure.Unavailable),
        })
        .Build();

    /// <param name="body">The comment, opening with its marker line.</param>
    /// <param name="known">The ids of the comments with the marker before this create; null when the caller did not list them (append), and then a retry cannot tell a landed attempt from an older comment.</param>
    /// <param name="listOurs">Lists the comments that carry the marker now.</param>
    public async Task<IssueComment> CreateAsync(string body, IReadOnlySet<long>? known, Func<Task<IReadOnlyList<IssueComment>>> listOurs)
    {
        var attempts = 0;
        return await _pipeline.ExecuteAsync(
            async _ =>
            {
                if (attempts++ > 0 && known is not null
                    && (await listOurs().ConfigureAwait(false)).LastOrDefault(c => !known.Contains(c.Id) && string.Equals(c.Body, body, StringComparison.Ordinal)) is { } landed)
                {
                    return landed;
                }

                return await errors.Call("commenting on", () => client.Issue.Comment.Create(target.Repository.Owner, target.Repository.Name, target.Number, body)).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}
