using AdaptGate.Core;
using AdaptGate.GitHub;
using AdaptGate.Tool.Cli;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Ci;

/// <summary>
/// Carries out one `adaptgate comment`: reads the pull request's head, posts the comment, sets the
/// status, and says what it did. GitHub's refusals become one message and exit code 2, except the
/// read-only token of a fork's pull request, which is expected there: the report then goes to the
/// job summary, and the step goes on (unless --strict).
/// </summary>
internal sealed class CommentPublication(TextWriter stdout, TextWriter stderr, IEnvironment environment)
{
    public async Task RunAsync(CommentRequest request)
    {
        var target = request.Context.Target;
        var publisher = new PullRequestPublisher(request.Context.Connection, target);
        PullRequestHead? head = null;
        try
        {
            head = await publisher.GetHeadAsync().ConfigureAwait(false);
            var comment = await publisher.PublishCommentAsync(VerdictComment.Body(request.Report, request.Key, request.HtmlUrl), request.Key, request.Mode).ConfigureAwait(false);
            stdout.WriteLine(Describe(comment, target));

            if (request.StatusFailOn is { } failOn)
            {
                var state = VerdictStatus.State(request.Report.Verdict, failOn.Threshold());
                var status = await publisher.SetStatusAsync(head.Sha, state, TextReport.Headline(request.Report), request.Context.RunUrl).ConfigureAwait(false);
                stdout.WriteLine($"Set the commit status {status.Context} of {status.Sha} to {(status.State == StatusState.Success ? "success" : "failure")}: {status.Description}");
            }
        }
        catch (GitHubPublishException e) when (e.Failure == GitHubFailure.ReadOnlyToken && head is { FromFork: true })
        {
            var why = e.Message + " The pull request comes from a fork, and GitHub gives workflows run for a fork's pull request a read-only token.";
            if (request.Strict)
            {
                throw new InputException(why, hint: "Without --strict the report goes to the job summary instead.", inner: e);
            }

            FallBackToSummary(request, why);
        }
        catch (GitHubPublishException e) when (e.Failure == GitHubFailure.ReadOnlyToken)
        {
            throw new InputException(e.Message, hint: "Give the job 'permissions: pull-requests: write' (and 'statuses: write' for --status).", inner: e);
        }
        catch (GitHubPublishException e)
        {
            throw new InputException(e.Message, inner: e);
        }
    }

    private void FallBackToSummary(CommentRequest request, string why)
    {
        const string Note = "> [!NOTE]\n> AdaptGate could not comment on this pull request: it comes from a fork, and the workflow's token is read-only. The report is here instead.";
        var written = GitHubActions.AppendStepSummary(environment, request.Report, Note);
        var message = Secrets.Scrub(
            why + (written
                ? " The report went to the job summary instead; pass --strict to fail here."
                : " GITHUB_STEP_SUMMARY is not set, so the report was written nowhere; pass --strict to fail here."),
            environment);

        // In a workflow the warning also shows as an annotation on the run.
        stderr.WriteLine(GitHubActions.IsRunning(environment) ? "::warning title=AdaptGate::" + GitHubActions.EscapeData(message) : "warning: " + message);
        stdout.WriteLine(TextReport.Headline(request.Report));
    }

    private static string Describe(CommentOutcome comment, PullRequestTarget target)
    {
        var what = comment.Action switch
        {
            CommentAction.Updated => "Updated the comment",
            CommentAction.Recreated => $"Deleted {comment.Deleted} earlier comment{(comment.Deleted == 1 ? string.Empty : "s")} and commented",
            _ => "Commented",
        };
        return $"{what} on {target}: {comment.Url ?? comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
