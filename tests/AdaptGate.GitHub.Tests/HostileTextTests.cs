using System.Globalization;
using System.Text;

namespace AdaptGate.GitHub.Tests;

/// <summary>Column names are data: in the posted comment they ping nobody, inject no HTML and break no table.</summary>
public sealed class HostileTextTests
{
    private static readonly string[] Hostile = ["@org/team", "<img src=x onerror=alert(1)>", "a|b"];

    private static readonly string[] Commands = ["a\n::error::x", "b\r##vso[task.setvariable variable=a]b", "https://evil.example\u001b]8;;http://e\u0007"];

    [Fact]
    public void A_check_of_hostile_column_names_posts_them_escaped()
    {
        using var dir = new TempFolder();
        var reference = dir.File("reference.csv", Csv(shift: 0));
        var current = dir.File("current.csv", Csv(shift: 50));
        var report = Path.Combine(dir.Path, "adaptgate.json");

        // The report as users make it: `adaptgate check --format json`, in process.
        var check = CommentRun.With(new TestEnvironment(), "check", "-r", reference, "-c", current, "--format", "json", "--output", report, "--no-history");
        Assert.Equal(0, check.ExitCode);

        using var fake = new FakeGitHub().PullRequest().Comments(Array.Empty<object>()).CreatesComment(1);
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));
        var run = CommentRun.With(environment, "comment", "--report", report, "--repo", "octo-org/models", "--pr", "7");

        Assert.Equal(0, run.ExitCode);
        var body = fake.Requests[^1].Json.GetProperty("body").GetString()!;
        Assert.DoesNotContain("@org/team", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        // A pipe breaks a table row only: in a table it is escaped, inside a chart's HTML <summary> it is plain text.
        Assert.DoesNotContain(body.Split('\n'), line => line.StartsWith('|') && line.Contains("a|b", StringComparison.Ordinal));
        Assert.Contains("<summary><b>a|b</b>", body, StringComparison.Ordinal);
        Assert.Contains("@\u200Dorg/team", body, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", body, StringComparison.Ordinal);
        Assert.Contains("a\\|b", body, StringComparison.Ordinal);

        // The only raw HTML is ours: the marker, and the report's own tags.
        Assert.StartsWith("<!-- adaptgate:default -->\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_of_names_holding_commands_and_links_posts_them_as_inert_text()
    {
        using var dir = new TempFolder();
        var reference = dir.File("reference.csv", Csv(shift: 0, Commands));
        var current = dir.File("current.csv", Csv(shift: 50, Commands));
        var report = Path.Combine(dir.Path, "adaptgate-report.json");
        Assert.Equal(0, CommentRun.With(new TestEnvironment(), "check", "-r", reference, "-c", current, "--format", "json", "--output", report, "--no-history").ExitCode);

        using var fake = new FakeGitHub().PullRequest().Comments(Array.Empty<object>()).CreatesComment(1);
        var environment = new TestEnvironment(("GITHUB_API_URL", fake.ApiUrl.AbsoluteUri), ("GITHUB_TOKEN", FakeGitHub.Token));
        var run = CommentRun.With(environment, "comment", "--report", report, "--repo", "octo-org/models", "--pr", "7");

        Assert.Equal(0, run.ExitCode);
        var body = fake.Requests[^1].Json.GetProperty("body").GetString()!;
        Assert.DoesNotContain(body.Split('\n'), l => l.TrimStart().StartsWith("::", StringComparison.Ordinal) || l.Contains("##vso[", StringComparison.Ordinal));
        Assert.DoesNotContain(body, c => c < ' ' && c != '\n');
        Assert.DoesNotContain("://", body, StringComparison.Ordinal);
        Assert.Contains("https:\u200D//evil.example\\\\x1b\\]8;;http:\u200D//e\\\\x07", body, StringComparison.Ordinal);
    }

    private static string Csv(int shift) => Csv(shift, Hostile);

    private static string Csv(int shift, string[] names)
    {
        var csv = new StringBuilder(string.Join(',', names.Select(h => $"\"{h}\""))).Append('\n');
        // Repeated values: a column of distinct integers would be left out as an identifier, and a check that
        // compares nothing is an error.
        for (var i = 0; i < 60; i++)
        {
            var v = (((i * 7) % 13) + shift).ToString(CultureInfo.InvariantCulture);
            csv.Append(v).Append(',').Append(v).Append(',').Append(v).Append('\n');
        }

        return csv.ToString();
    }
}
