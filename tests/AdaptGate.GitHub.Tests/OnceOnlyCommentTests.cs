using AdaptGate.Core.Decision;

namespace AdaptGate.GitHub.Tests;

/// <summary>
/// A comment create that fails after GitHub stored it (a 502 from a proxy, an answer lost to a
/// timeout) must not leave two comments: the retry looks before it posts again.
/// </summary>
public sealed class OnceOnlyCommentTests
{
    private static readonly string Body = VerdictComment.Body(Reports.With(Verdict.FineTune), "default");

    private static string CommentsPath(FakeGitHub fake) => $"{fake.RepoPath}/issues/7/comments";

    private static PullRequestPublisher Publisher(FakeGitHub fake, InstantClock clock) => new(fake.Options(clock), FakeGitHub.Target);

    [Fact]
    public async Task A_create_that_github_stored_before_failing_is_found_not_posted_again()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", CommentsPath(fake), 200, Array.Empty<object>(), scenario: "lost answer")
            .Answer("POST", CommentsPath(fake), 502, new { message = "Bad Gateway" }, scenario: "lost answer", nextState: "stored")
            .Answer("GET", CommentsPath(fake), 200, new[] { FakeGitHub.Comment(1, "LGTM"), FakeGitHub.Comment(99, Body) }, scenario: "lost answer", whenState: "stored");
        var clock = new InstantClock();

        var outcome = await Publisher(fake, clock).PublishCommentAsync(Body, "default", CommentMode.Update);

        Assert.Equal(new CommentOutcome(CommentAction.Created, 99, "https://github.com/octo-org/models/pull/7#issuecomment-99", 0), outcome);
        Assert.Equal(["GET", "POST", "GET"], fake.Requests.Select(r => r.Method));
        Assert.Single(clock.Pauses);
    }

    [Fact]
    public async Task A_create_that_did_not_land_is_posted_again_after_a_pause()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", CommentsPath(fake), 200, Array.Empty<object>())
            .Answer("POST", CommentsPath(fake), 502, new { message = "Bad Gateway" }, scenario: "flaky", nextState: "failed once")
            .Answer("POST", CommentsPath(fake), 201, FakeGitHub.Comment(55, "created"), scenario: "flaky", whenState: "failed once");
        var clock = new InstantClock();

        var outcome = await Publisher(fake, clock).PublishCommentAsync(Body, "default", CommentMode.Update);

        Assert.Equal(55, outcome.Id);
        Assert.Equal(["GET", "POST", "GET", "POST"], fake.Requests.Select(r => r.Method));
        Assert.All(fake.Requests.Where(r => r.Method == "POST"), p => Assert.Equal(Body, p.Json.GetProperty("body").GetString()));
        Assert.Single(clock.Pauses);
    }

    [Fact]
    public async Task Recreate_takes_the_landed_comment_and_not_the_deleted_one_that_still_shows()
    {
        // GitHub's listing may still show a comment deleted a moment ago: with the same body, it must not be taken for the new one.
        using var fake = new FakeGitHub();
        fake.Answer("GET", CommentsPath(fake), 200, new[] { FakeGitHub.Comment(10, Body) }, scenario: "lost answer")
            .DeletesComment(10)
            .Answer("POST", CommentsPath(fake), 502, new { message = "Bad Gateway" }, scenario: "lost answer", nextState: "stored")
            .Answer("GET", CommentsPath(fake), 200, new[] { FakeGitHub.Comment(10, Body), FakeGitHub.Comment(99, Body) }, scenario: "lost answer", whenState: "stored");

        var outcome = await Publisher(fake, new InstantClock()).PublishCommentAsync(Body, "default", CommentMode.Recreate);

        Assert.Equal(new CommentOutcome(CommentAction.Recreated, 99, "https://github.com/octo-org/models/pull/7#issuecomment-99", 1), outcome);
        Assert.Equal(["GET", "DELETE", "POST", "GET"], fake.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_create_failing_every_time_gives_up_after_the_bounded_count()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", CommentsPath(fake), 200, Array.Empty<object>())
            .Answer("POST", CommentsPath(fake), 503, new { message = "Service Unavailable" });
        var clock = new InstantClock();

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => Publisher(fake, clock).PublishCommentAsync(Body, "default", CommentMode.Update));

        Assert.Equal(GitHubFailure.Unavailable, e.Failure);
        Assert.Equal("GitHub answered 503 (Service Unavailable) while commenting on octo-org/models#7, after 5 attempts: retry later.", e.Message);
        Assert.Equal(5, fake.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(4, clock.Pauses.Count);
    }

    [Fact]
    public async Task A_commit_status_is_still_retried_as_it_was_since_setting_it_twice_does_no_harm()
    {
        using var fake = new FakeGitHub();
        fake.Answer("POST", $"{fake.RepoPath}/statuses/{FakeGitHub.HeadSha}", 502, new { message = "Bad Gateway" }, scenario: "flaky", nextState: "failed once")
            .Answer("POST", $"{fake.RepoPath}/statuses/{FakeGitHub.HeadSha}", 201, new { id = 1, state = "success", context = "adaptgate/verdict" }, scenario: "flaky", whenState: "failed once");
        var clock = new InstantClock();

        await Publisher(fake, clock).SetStatusAsync(FakeGitHub.HeadSha, StatusState.Success, "verdict: skip", null);

        Assert.Equal(2, fake.Requests.Count);
        Assert.Single(clock.Pauses);
    }
}
