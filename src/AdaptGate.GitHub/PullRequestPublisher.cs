using Octokit;

namespace AdaptGate.GitHub;

/// <summary>
/// Publishes to one pull request: reads its head, keeps one sticky comment per key, and sets the
/// verdict's commit status. Every failure is a <see cref="GitHubPublishException"/>.
/// </summary>
public sealed class PullRequestPublisher
{
    /// <summary>The most GitHub serves on one page: fewer requests on a long conversation.</summary>
    private const int PageSize = 100;

    private readonly GitHubClient _client;
    private readonly PullRequestTarget _target;
    private readonly GitHubErrors _errors;
    private readonly CommentCreator _creator;

    public PullRequestPublisher(GitHubConnectionOptions options, PullRequestTarget target)
    {
        _client = GitHubConnection.Create(options);
        _target = target;
        _errors = new GitHubErrors(options, target);
        _creator = new CommentCreator(_client, target, _errors, options.Retry);
    }

    private string Owner => _target.Repository.Owner;

    private string Name => _target.Repository.Name;

    /// <summary>The head commit, and whether it comes from a fork (another repository, or one since deleted).</summary>
    public Task<PullRequestHead> GetHeadAsync() =>
        _errors.Call("reading pull request", async () =>
        {
            var pull = await _client.PullRequest.Get(Owner, Name, _target.Number).ConfigureAwait(false);
            if (string.IsNullOrEmpty(pull.Head?.Sha))
            {
                // Without it the status would go to no commit: say so rather than post to /statuses/.
                throw new GitHubPublishException(GitHubFailure.Refused, $"GitHub's answer for pull request {_target} has no head commit.");
            }

            var head = pull.Head.Repository?.FullName;
            var @base = pull.Base?.Repository?.FullName ?? _target.Repository.ToString();
            return new PullRequestHead(pull.Head.Sha, head is null || !string.Equals(head, @base, StringComparison.OrdinalIgnoreCase));
        });

    /// <summary>
    /// Posts <paramref name="body"/>, which must open with the key's marker line. Update edits the
    /// latest comment with the marker (or creates one); recreate deletes every comment with it and
    /// creates one; append always creates one.
    /// </summary>
    public async Task<CommentOutcome> PublishCommentAsync(string body, string key, CommentMode mode)
    {
        var marker = CommentMarker.For(key);
        if (!CommentMarker.IsOn(body, marker))
        {
            throw new ArgumentException($"The body must start with the marker line {marker}.", nameof(body));
        }

        if (mode == CommentMode.Append)
        {
            return await CreateAsync(body, marker, known: null, CommentAction.Created, deleted: 0).ConfigureAwait(false);
        }

        var ours = await ListOursAsync(marker).ConfigureAwait(false);

        if (mode == CommentMode.Update && ours.Count > 0)
        {
            // The latest: after an append-mode history, that is the one readers look at.
            var latest = ours[^1];
            var updated = await _errors.Call($"updating comment {latest.Id} on", () => _client.Issue.Comment.Update(Owner, Name, latest.Id, body)).ConfigureAwait(false);
            return new CommentOutcome(CommentAction.Updated, updated.Id, updated.HtmlUrl, Deleted: 0);
        }

        foreach (var old in ours)
        {
            await _errors.Call($"deleting comment {old.Id} on", () => _client.Issue.Comment.Delete(Owner, Name, old.Id)).ConfigureAwait(false);
        }

        var known = ours.Select(c => c.Id).ToHashSet();
        return await CreateAsync(body, marker, known, ours.Count > 0 ? CommentAction.Recreated : CommentAction.Created, ours.Count).ConfigureAwait(false);
    }

    /// <summary>Sets the <see cref="VerdictStatus.Context"/> status on a commit (the head from <see cref="GetHeadAsync"/>).</summary>
    public Task<StatusOutcome> SetStatusAsync(string sha, StatusState state, string description, Uri? targetUrl)
    {
        var text = VerdictStatus.Description(description);
        var status = new NewCommitStatus
        {
            State = state == StatusState.Success ? CommitState.Success : CommitState.Failure,
            Context = VerdictStatus.Context,
            Description = text,
            TargetUrl = targetUrl?.AbsoluteUri,
        };
        return _errors.Call($"setting the commit status of {sha} for", async () =>
        {
            await _client.Repository.Status.Create(Owner, Name, sha, status).ConfigureAwait(false);
            return new StatusOutcome(sha, state, text, VerdictStatus.Context);
        });
    }

    /// <summary>The pull request's comments that carry <paramref name="marker"/>, oldest first, from every page.</summary>
    private Task<IReadOnlyList<IssueComment>> ListOursAsync(string marker) =>
        _errors.Call<IReadOnlyList<IssueComment>>("listing the comments of", async () =>
            (await _client.Issue.Comment.GetAllForIssue(Owner, Name, _target.Number, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false))
                .Where(c => CommentMarker.IsOn(c.Body, marker))
                .ToList());

    private async Task<CommentOutcome> CreateAsync(string body, string marker, IReadOnlySet<long>? known, CommentAction action, int deleted)
    {
        var created = await _creator.CreateAsync(body, known, () => ListOursAsync(marker)).ConfigureAwait(false);
        return new CommentOutcome(action, created.Id, created.HtmlUrl, deleted);
    }
}
