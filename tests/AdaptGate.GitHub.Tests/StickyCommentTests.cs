using AdaptGate.Core.Decision;

namespace AdaptGate.GitHub.Tests;

/// <summary>One comment per key: found on any page, updated, recreated or appended, and only ours.</summary>
public sealed class StickyCommentTests
{
    private static readonly string Body = VerdictComment.Body(Reports.With(Verdict.Retrain), "default");

    private static PullRequestPublisher Publisher(FakeGitHub fake) => new(fake.Options(new InstantClock()), FakeGitHub.Target);

    [Fact]
    public async Task Update_creates_a_comment_when_none_carries_the_marker()
    {
        using var fake = new FakeGitHub()
            .Comments(
            [
                FakeGitHub.Comment(1, "LGTM"),
                FakeGitHub.Comment(2, "<!-- adaptgate:other -->\nanother model's verdict"),
                FakeGitHub.Comment(3, "<!-- adaptgate:default-2 -->\na longer key"),
                FakeGitHub.Comment(4, "> <!-- adaptgate:default -->\n> quoted by a reviewer", login: "reviewer"),
            ])
            .CreatesComment(99);

        var outcome = await Publisher(fake).PublishCommentAsync(Body, "default", CommentMode.Update);

        Assert.Equal(new CommentOutcome(CommentAction.Created, 99, "https://github.com/octo-org/models/pull/7#issuecomment-99", 0), outcome);
        Assert.Equal(
            [$"GET {fake.RepoPath}/issues/7/comments?sort=created&direction=asc&per_page=100", $"POST {fake.RepoPath}/issues/7/comments"],
            fake.Requests.Select(r => r.Line));
        var post = fake.Requests[1];
        Assert.Equal(Body, post.Json.GetProperty("body").GetString());
        Assert.StartsWith("<!-- adaptgate:default -->\n## 🔁 AdaptGate verdict: **retrain**", Body, StringComparison.Ordinal);
        Assert.All(fake.Requests, r => Assert.Equal("Token " + FakeGitHub.Token, r.Headers["Authorization"]));
        Assert.All(fake.Requests, r => Assert.StartsWith("adaptgate/", r.Headers["User-Agent"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_edits_the_comment_found_on_the_second_page()
    {
        using var fake = new FakeGitHub()
            .Comments(
                [FakeGitHub.Comment(1, "first"), FakeGitHub.Comment(2, "second")],
                [FakeGitHub.Comment(3, "third"), FakeGitHub.Comment(42, "<!-- adaptgate:default -->\n## ✅ AdaptGate verdict: **skip**")])
            .UpdatesComment(42);

        var outcome = await Publisher(fake).PublishCommentAsync(Body, "default", CommentMode.Update);

        Assert.Equal(CommentAction.Updated, outcome.Action);
        Assert.Equal(42, outcome.Id);
        Assert.Equal(
            [
                $"GET {fake.RepoPath}/issues/7/comments?sort=created&direction=asc&per_page=100",
                $"GET {fake.RepoPath}/issues/7/comments?sort=created&direction=asc&per_page=100&page=2",
                $"PATCH {fake.RepoPath}/issues/comments/42",
            ],
            fake.Requests.Select(r => r.Line));
        Assert.Equal(Body, fake.Requests[2].Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Update_edits_the_latest_when_an_append_history_left_several()
    {
        using var fake = new FakeGitHub()
            .Comments([FakeGitHub.Comment(5, "<!-- adaptgate:default -->\nold"), FakeGitHub.Comment(6, "<!-- adaptgate:default -->\nnewer")])
            .UpdatesComment(6);

        var outcome = await Publisher(fake).PublishCommentAsync(Body, "default", CommentMode.Update);

        Assert.Equal(6, outcome.Id);
        Assert.Equal($"PATCH {fake.RepoPath}/issues/comments/6", fake.Requests[^1].Line);
    }

    [Fact]
    public async Task Recreate_deletes_every_comment_with_the_marker_then_creates_one()
    {
        using var fake = new FakeGitHub()
            .Comments([FakeGitHub.Comment(5, "<!-- adaptgate:default -->\nold"), FakeGitHub.Comment(8, "unrelated"), FakeGitHub.Comment(6, "<!-- adaptgate:default -->\nnewer")])
            .DeletesComment(5)
            .DeletesComment(6)
            .CreatesComment(100);

        var outcome = await Publisher(fake).PublishCommentAsync(Body, "default", CommentMode.Recreate);

        Assert.Equal(new CommentOutcome(CommentAction.Recreated, 100, "https://github.com/octo-org/models/pull/7#issuecomment-100", 2), outcome);
        Assert.Equal(
            [
                $"GET {fake.RepoPath}/issues/7/comments?sort=created&direction=asc&per_page=100",
                $"DELETE {fake.RepoPath}/issues/comments/5",
                $"DELETE {fake.RepoPath}/issues/comments/6",
                $"POST {fake.RepoPath}/issues/7/comments",
            ],
            fake.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task Append_creates_without_looking_at_the_comments()
    {
        using var fake = new FakeGitHub().CreatesComment(101);

        var outcome = await Publisher(fake).PublishCommentAsync(Body, "default", CommentMode.Append);

        Assert.Equal(CommentAction.Created, outcome.Action);
        Assert.Equal([$"POST {fake.RepoPath}/issues/7/comments"], fake.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task A_body_without_its_marker_is_refused_before_any_request()
    {
        using var fake = new FakeGitHub();

        await Assert.ThrowsAsync<ArgumentException>(() => Publisher(fake).PublishCommentAsync(Body, "other", CommentMode.Update));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task The_api_address_is_used_exactly_as_given_on_github_enterprise_server()
    {
        using var fake = new FakeGitHub("/api/v3").Comments(Array.Empty<object>()).CreatesComment(7);

        await Publisher(fake).PublishCommentAsync(Body, "default", CommentMode.Update);

        Assert.Equal(
            ["GET /api/v3/repos/octo-org/models/issues/7/comments?sort=created&direction=asc&per_page=100", "POST /api/v3/repos/octo-org/models/issues/7/comments"],
            fake.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task The_bearer_scheme_is_sent_when_asked_for()
    {
        using var fake = new FakeGitHub().CreatesComment(7);
        var options = fake.Options(new InstantClock()) with { UseBearerScheme = true };

        await new PullRequestPublisher(options, FakeGitHub.Target).PublishCommentAsync(Body, "default", CommentMode.Append);

        Assert.Equal("Bearer " + FakeGitHub.Token, fake.Requests.Single().Headers["Authorization"]);
    }
}
