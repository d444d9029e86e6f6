using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub.Tests;

/// <summary>The comment links the HTML report's artifact when `comment --html-url` names one.</summary>
public sealed class ReportLinkTests
{
    private const string Artifact = "https://github.com/octo-org/models/actions/runs/4242/artifacts/17";

    [Fact]
    public void The_link_comes_right_after_the_marker_and_the_report_follows()
    {
        var body = VerdictComment.Body(Reports.With(Verdict.Retrain), "default", Artifact);

        Assert.StartsWith($"<!-- adaptgate:default -->\n📊 [Open the HTML report]({Artifact}): every column's chart", body, StringComparison.Ordinal);
        Assert.Contains("\n\n## 🔁 AdaptGate verdict: **retrain**", body, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_link_a_report_that_must_shrink_still_fits_the_limit()
    {
        var body = VerdictComment.Body(Reports.With(Verdict.Retrain, driftedColumns: 3000), "default", Artifact);

        Assert.InRange(body.Length, MarkdownOptions.GitHubCommentLimit - 2000, MarkdownOptions.GitHubCommentLimit);
        Assert.Contains(Artifact, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.example/a)b [c](javascript:alert(1))", "https://x.example/a%29b%20")]
    [InlineData("http://x.example/<b>", "http://x.example/%3Cb%3E")]
    public void An_address_cannot_end_the_link(string url, string start)
    {
        var link = VerdictComment.ReportLink(url)!;

        Assert.StartsWith(start, link, StringComparison.Ordinal);
        Assert.DoesNotContain(link, c => c is '(' or ')' or ' ' or '<' or '>');
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public void Only_absolute_http_addresses_are_linked(string url) => Assert.Null(VerdictComment.ReportLink(url));

    [Fact]
    public void The_comment_command_refuses_a_bad_address_with_exit_2()
    {
        using var dir = new TempFolder();
        var report = dir.File("adaptgate-report.json", JsonReportFormat.Write(Reports.With(Verdict.Skip)));

        var run = CommentRun.With(new TestEnvironment(("GITHUB_TOKEN", FakeGitHub.Token)), "comment", "--report", report, "--repo", "o/r", "--pr", "1", "--html-url", "javascript:alert(1)");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--html-url takes an absolute https:// or http:// address, not 'javascript:alert(1)'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comment_command_posts_the_link()
    {
        using var fake = new FakeGitHub().PullRequest().Comments(Array.Empty<object>()).CreatesComment(99);
        using var dir = new TempFolder();
        var report = dir.File("adaptgate-report.json", JsonReportFormat.Write(Reports.With(Verdict.Retrain)));
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));

        var run = CommentRun.With(environment, "comment", "--report", report, "--repo", "octo-org/models", "--pr", "7", "--html-url", Artifact);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"[Open the HTML report]({Artifact})", fake.Requests[^1].Json.GetProperty("body").GetString(), StringComparison.Ordinal);
    }
}
