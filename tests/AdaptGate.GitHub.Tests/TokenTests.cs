using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub.Tests;

/// <summary>
/// A token no HTTP header can carry (a secret pasted with a line break inside it) is bad input: exit 2 with one line
/// naming the variable, never the token, and no request sent (issue 19, class 10).
/// </summary>
public sealed class TokenTests
{
    [Theory]
    [InlineData("GITHUB_TOKEN", "ghs_first\nghs_second", "a line break")]
    [InlineData("GITHUB_TOKEN", "ghs_first\rghs_second", "a line break")]
    [InlineData("ADAPTGATE_GITHUB_TOKEN", "ghs_first\u0007second", "a control character")]
    [InlineData("GITHUB_TOKEN", "ghs_first\u00efsecond", "a character outside ASCII")]
    public void A_token_with_a_line_break_is_exit_2_with_one_line(string variable, string token, string what)
    {
        using var fake = new FakeGitHub().PullRequest().CreatesComment(5);
        using var dir = new TempFolder();
        var report = dir.File("adaptgate-report.json", JsonReportFormat.Write(Reports.With(Verdict.Skip)));
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), (variable, token));

        var run = CommentRun.With(environment, "comment", "--report", report, "--repo", "octo-org/models", "--pr", "7");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: {variable} has {what} inside the token (at character 10), which an HTTP header cannot carry. "
            + $"Set {variable} to the token alone, on one line; if the secret was pasted with several lines, paste it again.\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("first", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void A_token_given_to_the_library_is_checked_too()
    {
        var options = new GitHubConnectionOptions(GitHubConnectionOptions.GitHubDotCom, "a\nb");

        var e = Assert.Throws<Core.InputException>(() => GitHubConnection.Create(options));

        Assert.Contains("The token has a line break", e.Message, StringComparison.Ordinal);
    }
}
