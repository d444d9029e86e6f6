using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub.Tests;

/// <summary>`adaptgate comment` end to end: the Actions environment, the fork fallback, the messages, no token anywhere.</summary>
public sealed class CommentCommandTests
{
    private const string Headline = "verdict: retrain (drift-share-severe: 2 of 2 feature columns drifted (share 1))";

    private static string WriteReport(TempFolder dir, CheckReport report) => dir.File("adaptgate-report.json", JsonReportFormat.Write(report));

    private static string Event(TempFolder dir, int number) => dir.File("event.json", System.Text.Json.JsonSerializer.Serialize(new { action = "synchronize", number, pull_request = new { number, head = new { sha = "x" } } }));

    private static void AssertNoToken(params string[] outputs) =>
        Assert.All(outputs, o => Assert.DoesNotContain(FakeGitHub.Token, o, StringComparison.Ordinal));

    [Fact]
    public void In_a_workflow_everything_comes_from_the_environment_and_the_status_fails_at_fail_on()
    {
        using var fake = new FakeGitHub("/api/v3").PullRequest().Comments(Array.Empty<object>()).CreatesComment(99).CreatesStatus();
        using var dir = new TempFolder();
        var environment = new TestEnvironment(
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_REPOSITORY", "octo-org/models"),
            ("GITHUB_EVENT_PATH", Event(dir, 7)),
            ("GITHUB_REF", "refs/pull/8/merge"),
            ("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri.TrimEnd('/')),
            ("GITHUB_TOKEN", FakeGitHub.Token),
            ("GITHUB_SERVER_URL", "https://github.example"),
            ("GITHUB_RUN_ID", "4242"));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.Retrain)), "--status", "--fail-on", "retrain");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(
            "Commented on octo-org/models#7: https://github.com/octo-org/models/pull/7#issuecomment-99\n"
            + $"Set the commit status adaptgate/verdict of {FakeGitHub.HeadSha} to failure: {Headline}\n",
            run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(
            [
                "GET /api/v3/repos/octo-org/models/pulls/7",
                "GET /api/v3/repos/octo-org/models/issues/7/comments?sort=created&direction=asc&per_page=100",
                "POST /api/v3/repos/octo-org/models/issues/7/comments",
                $"POST /api/v3/repos/octo-org/models/statuses/{FakeGitHub.HeadSha}",
            ],
            fake.Requests.Select(r => r.Line));
        var status = fake.Requests[3].Json;
        Assert.Equal("failure", status.GetProperty("state").GetString());
        Assert.Equal("adaptgate/verdict", status.GetProperty("context").GetString());
        Assert.Equal(Headline, status.GetProperty("description").GetString());
        Assert.Equal("https://github.example/octo-org/models/actions/runs/4242", status.GetProperty("target_url").GetString());
        Assert.StartsWith("<!-- adaptgate:default -->\n## 🔁 AdaptGate verdict: **retrain**", fake.Requests[2].Json.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Below_fail_on_the_status_is_success_and_the_exit_code_0()
    {
        using var fake = new FakeGitHub().PullRequest().CreatesComment(5).CreatesStatus();
        using var dir = new TempFolder();
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.FineTune)), "--repo", "octo-org/models", "--pr", "7", "--mode", "append", "--status", "--fail-on", "retrain");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("success", fake.Requests[^1].Json.GetProperty("state").GetString());
        Assert.False(fake.Requests[^1].Json.TryGetProperty("target_url", out var url) && url.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void The_pull_request_comes_from_github_ref_and_adaptgate_github_token_comes_first()
    {
        using var fake = new FakeGitHub().PullRequest()
            .Comments([FakeGitHub.Comment(3, "<!-- adaptgate:model-a -->\nold")])
            .DeletesComment(3)
            .CreatesComment(4);
        using var dir = new TempFolder();
        var environment = new TestEnvironment(
            ("GITHUB_REPOSITORY", "octo-org/models"),
            ("GITHUB_REF", "refs/pull/7/merge"),
            ("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri),
            ("GITHUB_TOKEN", "ghs_the_workflow_token_not_this_one_please"),
            ("ADAPTGATE_GITHUB_TOKEN", FakeGitHub.Token));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.Skip)), "--key", "model-a", "--mode", "recreate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Deleted 1 earlier comment and commented on octo-org/models#7: https://github.com/octo-org/models/pull/7#issuecomment-4\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.All(fake.Requests, r => Assert.Equal("Token " + FakeGitHub.Token, r.Headers["Authorization"]));
        Assert.StartsWith("<!-- adaptgate:model-a -->\n## ✅ AdaptGate verdict: **skip**", fake.Requests[^1].Json.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_forks_read_only_token_sends_the_report_to_the_step_summary_and_the_step_goes_on()
    {
        using var fake = ForkWithReadOnlyToken();
        using var dir = new TempFolder();
        var summary = dir.File("summary.md", string.Empty);
        var environment = ForkEnvironment(fake, dir, summary);

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.FineTune)), "--status");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "::warning title=AdaptGate::the token may read octo-org/models#7 but not write to it (GitHub answered 403 Resource not accessible by integration while commenting on it). "
            + "The pull request comes from a fork, and GitHub gives workflows run for a fork's pull request a read-only token. The report went to the job summary instead; pass --strict to fail here.\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("verdict: fine-tune (drift-share-severe: 2 of 2 feature columns drifted (share 1))\n", run.Stdout.ReplaceLineEndings("\n"));
        var written = File.ReadAllText(summary);
        Assert.StartsWith("> [!NOTE]\n> AdaptGate could not comment on this pull request: it comes from a fork", written, StringComparison.Ordinal);
        Assert.Contains("\n## 🔧 AdaptGate verdict: **fine-tune**\n", written, StringComparison.Ordinal);

        // No status either: the same token could not set it.
        Assert.Equal(
            ["GET /repos/octo-org/models/pulls/7", "GET /repos/octo-org/models/issues/7/comments?sort=created&direction=asc&per_page=100", "POST /repos/octo-org/models/issues/7/comments"],
            fake.Requests.Select(r => r.Line));
        AssertNoToken(run.Stdout, run.Stderr, written);
    }

    [Fact]
    public void Strict_makes_the_forks_read_only_token_an_error()
    {
        using var fake = ForkWithReadOnlyToken();
        using var dir = new TempFolder();
        var summary = dir.File("summary.md", string.Empty);

        var run = CommentRun.With(ForkEnvironment(fake, dir, summary), "comment", "--report", WriteReport(dir, Reports.With(Verdict.FineTune)), "--strict");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: the token may read octo-org/models#7 but not write to it (GitHub answered 403 Resource not accessible by integration while commenting on it). "
            + "The pull request comes from a fork, and GitHub gives workflows run for a fork's pull request a read-only token. Without --strict the report goes to the job summary instead.\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, File.ReadAllText(summary));
        AssertNoToken(run.Stdout, run.Stderr);
    }

    [Fact]
    public void A_read_only_token_on_the_repositorys_own_pull_request_is_an_error_naming_the_permissions()
    {
        using var fake = new FakeGitHub().PullRequest().Comments(Array.Empty<object>());
        fake.Answer("POST", "/repos/octo-org/models/issues/7/comments", 403, new { message = "Resource not accessible by integration" });
        using var dir = new TempFolder();
        var summary = dir.File("summary.md", string.Empty);

        var run = CommentRun.With(ForkEnvironment(fake, dir, summary), "comment", "--report", WriteReport(dir, Reports.With(Verdict.FineTune)));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: the token may read octo-org/models#7 but not write to it (GitHub answered 403 Resource not accessible by integration while commenting on it). "
            + "Give the job 'permissions: pull-requests: write' (and 'statuses: write' for --status).\n",
            run.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_missing_pull_request_is_exit_2_with_repo_and_number()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", "/repos/octo-org/models/pulls/70", 404, new { message = "Not Found" });
        using var dir = new TempFolder();
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.Skip)), "--repo", "octo-org/models", "--pr", "70");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: pull request not found, or the token cannot see it: GitHub answered 404 while reading pull request octo-org/models#70. Check --repo and --pr, and that the token may read octo-org/models.\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Without_token_and_pull_request_it_says_what_to_set_and_calls_nobody()
    {
        using var fake = new FakeGitHub();
        using var dir = new TempFolder();
        var environment = new TestEnvironment(("GITHUB_REPOSITORY", "octo-org/models"), ("GITHUB_REF", "refs/heads/main"), ("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.Skip)));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: Cannot comment: no pull request (pass --pr N, or run on a pull_request event: the number comes from GITHUB_EVENT_PATH's pull_request.number or GITHUB_REF refs/pull/N/merge); "
            + "no token (set GITHUB_TOKEN, in a workflow 'env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}', or ADAPTGATE_GITHUB_TOKEN).\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void Without_a_repository_it_says_what_to_set()
    {
        using var dir = new TempFolder();

        var run = CommentRun.With(new TestEnvironment(("GITHUB_TOKEN", FakeGitHub.Token)), "comment", "--report", WriteReport(dir, Reports.With(Verdict.Skip)), "--pr", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Cannot comment: no repository (pass --repo owner/name, or run in GitHub Actions, which sets GITHUB_REPOSITORY).\n", run.Stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--key", "a -->b", "error: --key takes 1 to 64 letters, digits, '.', '_' or '-' (it goes into a hidden HTML comment), not 'a -->b'.\n")]
    [InlineData("--repo", "octo-org/../admin", "error: --repo takes owner/name (such as octo-org/models), not 'octo-org/../admin'.\n")]
    [InlineData("--pr", "0", "error: --pr must be a positive pull request number.\nRun 'adaptgate comment --help' for usage.\n")]
    public void Bad_options_are_exit_2_before_any_request(string option, string value, string expected)
    {
        using var fake = new FakeGitHub();
        using var dir = new TempFolder();
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));

        string[] defaults = ["--pr", "7", "--repo", "octo-org/models"];
        var others = defaults.Chunk(2).Where(pair => pair[0] != option).SelectMany(pair => pair);

        var run = CommentRun.With(environment, ["comment", "--report", WriteReport(dir, Reports.With(Verdict.Skip)), .. others, option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Stderr.ReplaceLineEndings("\n"));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void A_report_that_is_not_one_is_exit_2_naming_the_file()
    {
        using var dir = new TempFolder();
        var path = dir.File("adaptgate.json", "{ \"verdict\": ");

        var run = CommentRun.With(new TestEnvironment(), "comment", "--report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {path}:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pass a report written by 'adaptgate check --format json'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_report_is_shrunk_under_githubs_limit_keeping_the_verdict()
    {
        using var fake = new FakeGitHub().PullRequest().Comments(Array.Empty<object>()).CreatesComment(1);
        using var dir = new TempFolder();
        var report = Reports.With(Verdict.Retrain, driftedColumns: 3000);
        Assert.True(MarkdownReportFormat.Write(report).Length > 4 * MarkdownOptions.GitHubCommentLimit);
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, report), "--repo", "octo-org/models", "--pr", "7");

        Assert.Equal(0, run.ExitCode);
        var body = fake.Requests[^1].Json.GetProperty("body").GetString()!;
        Assert.InRange(body.Length, MarkdownOptions.GitHubCommentLimit - 5000, MarkdownOptions.GitHubCommentLimit);
        Assert.StartsWith("<!-- adaptgate:default -->\n## 🔁 AdaptGate verdict: **retrain**\n", body, StringComparison.Ordinal);
        Assert.Contains("drift-share-severe", body, StringComparison.Ordinal);
        Assert.Contains("_Left out to fit the size limit: the charts of 3000 of 3000 drifted columns and ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_that_github_echoes_back_appears_in_no_output()
    {
        using var fake = new FakeGitHub();
        fake.Answer("GET", "/repos/octo-org/models/pulls/7", 401, new { message = $"Bad credentials for {FakeGitHub.Token}" });
        using var dir = new TempFolder();
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));

        var run = CommentRun.With(environment, "comment", "--report", WriteReport(dir, Reports.With(Verdict.Skip)), "--repo", "octo-org/models", "--pr", "7");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: GitHub refused the token (401 Bad credentials for ***) while reading pull request octo-org/models#7: set GITHUB_TOKEN or ADAPTGATE_GITHUB_TOKEN to a valid, unexpired token.\n",
            run.Stderr.ReplaceLineEndings("\n"));
        AssertNoToken(run.Stdout, run.Stderr);
    }

    [Fact]
    public void A_token_typed_as_an_argument_by_mistake_is_masked_in_the_usage_error()
    {
        var run = CommentRun.With(new TestEnvironment(("GITHUB_TOKEN", FakeGitHub.Token)), "comment", "--report", "r.json", "--token", FakeGitHub.Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("***", run.Stderr, StringComparison.Ordinal);
        AssertNoToken(run.Stdout, run.Stderr);
    }

    private static FakeGitHub ForkWithReadOnlyToken()
    {
        var fake = new FakeGitHub().PullRequest(headRepository: "contributor/models").Comments(Array.Empty<object>());
        fake.Answer("POST", "/repos/octo-org/models/issues/7/comments", 403, new { message = "Resource not accessible by integration", documentation_url = "https://docs.github.com/rest/issues/comments#create-an-issue-comment" });
        return fake;
    }

    private static TestEnvironment ForkEnvironment(FakeGitHub fake, TempFolder dir, string summary) => new(
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_REPOSITORY", "octo-org/models"),
        ("GITHUB_EVENT_PATH", Event(dir, 7)),
        ("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri),
        ("GITHUB_TOKEN", FakeGitHub.Token),
        ("GITHUB_STEP_SUMMARY", summary));
}
