using System.Globalization;
using AdaptGate.Core.Decision;

namespace AdaptGate.GitHub.Tests;

/// <summary>Server errors retried, rate limits waited out or reported with the time to retry, refusals worded.</summary>
public sealed class FaultTests
{
    private static readonly string Body = VerdictComment.Body(Reports.With(Verdict.FineTune), "default");

    private static string PullPath(FakeGitHub fake) => $"{fake.RepoPath}/pulls/7";

    private static object Head => new { number = 7, head = new { sha = FakeGitHub.HeadSha, repo = new { full_name = "octo-org/models" } }, @base = new { repo = new { full_name = "octo-org/models" } } };

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) => headers.ToDictionary(h => h.Name, h => h.Value);

    [Fact]
    public async Task Two_502s_are_retried_with_growing_pauses_then_the_answer_is_used()
    {
        using var fake = new FakeGitHub()
            .Answer("POST", "/repos/octo-org/models/issues/7/comments", 502, new { message = "Server Error" }, scenario: "flaky", nextState: "failed once")
            .Answer("POST", $"/repos/octo-org/models/issues/7/comments", 502, new { message = "Server Error" }, scenario: "flaky", whenState: "failed once", nextState: "failed twice")
            .Answer("POST", $"/repos/octo-org/models/issues/7/comments", 201, FakeGitHub.Comment(55, "created"), scenario: "flaky", whenState: "failed twice");
        var clock = new InstantClock();

        var outcome = await new PullRequestPublisher(fake.Options(clock), FakeGitHub.Target).PublishCommentAsync(Body, "default", CommentMode.Append);

        Assert.Equal(55, outcome.Id);
        var posts = fake.Requests;
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.Equal("POST /repos/octo-org/models/issues/7/comments", p.Line));
        Assert.All(posts, p => Assert.Equal(Body, p.Json.GetProperty("body").GetString()));
        Assert.All(posts, p => Assert.Equal("Token " + FakeGitHub.Token, p.Headers["Authorization"]));

        // Exponential backoff from 1 s with jitter: two pauses, each within the backoff's bounds.
        Assert.Equal(2, clock.Pauses.Count);
        Assert.All(clock.Pauses, p => Assert.InRange(p, TimeSpan.FromMilliseconds(1), GitHubRetryOptions.Default.MaxDelay));
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_give_up_after_the_bounded_count()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", PullPath(fake), 503, new { message = "Service Unavailable" });
        var clock = new InstantClock();

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(clock), FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.Unavailable, e.Failure);
        Assert.Equal("GitHub answered 503 (Service Unavailable) while reading pull request octo-org/models#7, after 5 attempts: retry later.", e.Message);
        Assert.Equal(5, fake.Requests.Count);
        Assert.Equal(4, clock.Pauses.Count);
    }

    [Fact]
    public async Task A_secondary_rate_limit_is_waited_out_for_its_retry_after()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", PullPath(fake), 403, new { message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, Headers(("Retry-After", "7")), scenario: "limit", nextState: "waited")
            .Answer("GET", PullPath(fake), 200, Head, scenario: "limit", whenState: "waited");
        var clock = new InstantClock();

        var head = await new PullRequestPublisher(fake.Options(clock), FakeGitHub.Target).GetHeadAsync();

        Assert.Equal(FakeGitHub.HeadSha, head.Sha);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Pauses);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_primary_rate_limit_that_resets_soon_is_waited_out_until_the_reset()
    {
        using var fake = new FakeGitHub();
        var reset = InstantClock.Now.AddSeconds(20).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fake.Answer("GET", PullPath(fake), 429, new { message = "API rate limit exceeded" }, Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)), scenario: "limit", nextState: "reset")
            .Answer("GET", PullPath(fake), 200, Head, scenario: "limit", whenState: "reset");
        var clock = new InstantClock();

        await new PullRequestPublisher(fake.Options(clock), FakeGitHub.Target).GetHeadAsync();

        // Until the reset second is over: one second more than the header says.
        Assert.Equal([TimeSpan.FromSeconds(21)], clock.Pauses);
    }

    [Fact]
    public async Task A_primary_rate_limit_far_off_fails_at_once_saying_when_to_retry()
    {
        using var fake = new FakeGitHub();
        var reset = InstantClock.Now.AddMinutes(42).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fake.Answer("GET", PullPath(fake), 403, new { message = "API rate limit exceeded for installation ID 1." }, Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)));
        var clock = new InstantClock();

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(clock), FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.RateLimited, e.Failure);
        Assert.Equal(
            "GitHub's API rate limit for this token is used up while reading pull request octo-org/models#7; it resets at 2030-01-02 03:46:06 UTC (in 43 minutes): retry after that.",
            e.Message);
        Assert.Single(fake.Requests);
        Assert.Empty(clock.Pauses);
    }

    [Fact]
    public async Task A_secondary_rate_limit_longer_than_the_bound_fails_saying_when_to_retry()
    {
        using var fake = new FakeGitHub();
        fake.Answer("POST", $"{fake.RepoPath}/issues/7/comments", 429, new { message = "secondary rate limit" }, Headers(("Retry-After", "600")));

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target).PublishCommentAsync(Body, "default", CommentMode.Append));

        Assert.Equal(
            "GitHub's secondary rate limit stopped the requests while commenting on octo-org/models#7; it asks to wait until 2030-01-02 03:14:05 UTC (in 10 minutes): retry after that.",
            e.Message);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_404_says_the_pull_request_is_missing_or_hidden_with_repo_and_number()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", PullPath(fake), 404, new { message = "Not Found", documentation_url = "https://docs.github.com/rest" });

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.NotFound, e.Failure);
        Assert.Equal(
            "pull request not found, or the token cannot see it: GitHub answered 404 while reading pull request octo-org/models#7. Check --repo and --pr, and that the token may read octo-org/models.",
            e.Message);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_read_only_token_is_told_apart_from_other_refusals()
    {
        using var fake = new FakeGitHub();
        fake.Answer("POST", $"{fake.RepoPath}/issues/7/comments", 403, new { message = "Resource not accessible by integration" });

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target).PublishCommentAsync(Body, "default", CommentMode.Append));

        Assert.Equal(GitHubFailure.ReadOnlyToken, e.Failure);
        Assert.Equal("the token may read octo-org/models#7 but not write to it (GitHub answered 403 Resource not accessible by integration while commenting on it).", e.Message);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_message_that_echoes_the_token_is_scrubbed()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", PullPath(fake), 401, new { message = $"Bad credentials: {FakeGitHub.Token}" });

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.BadCredentials, e.Failure);
        Assert.Equal(
            "GitHub refused the token (401 Bad credentials: ***) while reading pull request octo-org/models#7: set GITHUB_TOKEN or ADAPTGATE_GITHUB_TOKEN to a valid, unexpired token.",
            e.Message);
    }

    [Fact]
    public async Task An_unreachable_api_fails_after_the_retries_naming_the_address()
    {
        // A port nothing listens on: connection refused at once, every time.
        var address = new Uri("http://127.0.0.1:9/");
        var clock = new InstantClock();
        var options = new GitHubConnectionOptions(address, FakeGitHub.Token) { Retry = GitHubRetryOptions.Default with { Clock = clock } };

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(options, FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.Unavailable, e.Failure);
        Assert.StartsWith("Cannot reach GitHub at http://127.0.0.1:9/ while reading pull request octo-org/models#7 (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("), after 5 attempts: check GITHUB_API_URL and the network, then retry.", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, clock.Pauses.Count);
    }

    [Fact]
    public async Task An_attempt_that_does_not_answer_in_time_is_retried()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", PullPath(fake), 200, Head, delay: TimeSpan.FromSeconds(5));
        var clock = new InstantClock();

        // Polly's least timeout: the test waits 2 × 10 ms, not the fake's 5 s.
        var retry = GitHubRetryOptions.Default with { Clock = clock, AttemptTimeout = TimeSpan.FromMilliseconds(10), MaxRetryAttempts = 1 };

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(new GitHubConnectionOptions(fake.ApiUrl, FakeGitHub.Token) { Retry = retry }, FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.Unavailable, e.Failure);
        Assert.Equal("GitHub did not answer while reading pull request octo-org/models#7, after 2 attempts within 90 s: retry later.", e.Message);
        Assert.Single(clock.Pauses);
    }

    [Fact]
    public async Task A_pull_request_without_a_head_commit_is_refused_rather_than_given_a_status_nowhere()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", PullPath(fake), 200, new { number = 7, head = new { @ref = "gone" } });

        var e = await Assert.ThrowsAsync<GitHubPublishException>(() => new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target).GetHeadAsync());

        Assert.Equal(GitHubFailure.Refused, e.Failure);
        Assert.Equal("GitHub's answer for pull request octo-org/models#7 has no head commit.", e.Message);
    }
}
