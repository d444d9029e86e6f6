using System.Globalization;
using System.Text.Json;
using AdaptGate.EndToEnd.Tests.Actions;
using AdaptGate.GitHub.Tests;

namespace AdaptGate.EndToEnd.Tests;

/// <summary>
/// .github/actions/adaptgate/action.yml, its shell steps run as a runner would (see <see cref="CompositeAction"/>):
/// the install step installs the packed tool from the run's feed, check runs on the car-loan samples, and comment
/// posts to the GitHub fake on 127.0.0.1.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class CompositeActionTests : IDisposable
{
    private readonly PackedFeed _feed;
    private readonly string _workspace;
    private readonly string _runnerTemp;

    public CompositeActionTests(PackedFeed feed)
    {
        _feed = feed;
        _workspace = Path.Combine(feed.Root, "action-" + Guid.NewGuid().ToString("N"));
        _runnerTemp = Path.Combine(_workspace, "_runner_temp");
        Directory.CreateDirectory(Path.Combine(_workspace, "data"));
        Directory.CreateDirectory(_runnerTemp);
        File.Copy(Repo.Path("samples", "car-loan", "reference.csv"), Path.Combine(_workspace, "data", "train.csv"));
        File.Copy(Repo.Path("samples", "car-loan", "current.csv"), Path.Combine(_workspace, "data", "new.csv"));
        File.Copy(Repo.Path("samples", "car-loan", "adaptgate.json"), Path.Combine(_workspace, "adaptgate.json"));

        // `dotnet tool install` in the install step finds the run's feed through the workspace's nuget.config.
        File.Copy(feed.ConfigFile, Path.Combine(_workspace, "nuget.config"));
    }

    public void Dispose()
    {
        // The feed's folder is removed at the end of the run, with this workspace in it.
    }

    [Fact]
    public void On_a_pull_request_it_installs_checks_comments_and_sets_its_outputs_and_fail_on_fails_the_check_step_without_a_comment()
    {
        using var fake = new FakeGitHub().PullRequest().Comments(Array.Empty<object>()).CreatesComment(99).CreatesStatus();
        var action = new CompositeAction(Repo.Path(".github", "actions", "adaptgate", "action.yml"));
        var inputs = new Dictionary<string, string>
        {
            ["reference"] = "data/train.csv",
            ["current"] = "data/new.csv",
            ["policy"] = "adaptgate.json",
            ["label"] = "repaid",
            ["fail-on"] = "none",
            ["comment"] = "true",
            ["status"] = "true",
            ["version"] = _feed.Version,
        };

        var run = action.Run(Request(fake, inputs));

        Assert.All(run.Steps.Where(s => s.Ran), s => Assert.True(s.ExitCode == 0, run.ToString()));
        Assert.Equal(["actions/setup-dotnet@v4", "Upload the HTML report"], run.Steps.Where(s => !s.Ran).Select(s => s.Name));
        Assert.Equal(Path.Combine(_runnerTemp, $"adaptgate-tool-{_feed.Version}", "adaptgate"), run.StepOutputs["install"]["adaptgate"]);

        // The action's outputs, from what check wrote to $GITHUB_OUTPUT.
        Assert.Equal("retrain", run.Outputs["verdict"]);
        using (var report = JsonDocument.Parse(File.ReadAllText(run.Outputs["report"])))
        {
            Assert.Equal("retrain", report.RootElement.GetProperty("verdict").GetString());
            Assert.Equal("metric-drop-diverged", report.RootElement.GetProperty("reasons")[0].GetProperty("rule").GetString());
            Assert.Equal(report.RootElement.GetProperty("drift").GetProperty("share").GetDouble(), double.Parse(run.Outputs["drift-share"], CultureInfo.InvariantCulture));
        }

        Assert.StartsWith(_runnerTemp, run.Outputs["markdown"], StringComparison.Ordinal);
        Assert.Contains("retrain", File.ReadAllText(run.Outputs["markdown"]), StringComparison.Ordinal);
        Assert.Equal(Path.ChangeExtension(run.Outputs["markdown"], ".html"), run.Outputs["html"]);
        Assert.StartsWith("<!DOCTYPE html>\n", File.ReadAllText(run.Outputs["html"]), StringComparison.Ordinal);

        // One comment, made with the token of github.token (the github-token input's default), and the status.
        Assert.Equal(
            [
                "GET /repos/octo-org/models/pulls/7",
                "GET /repos/octo-org/models/issues/7/comments?sort=created&direction=asc&per_page=100",
                "POST /repos/octo-org/models/issues/7/comments",
                $"POST /repos/octo-org/models/statuses/{FakeGitHub.HeadSha}",
            ],
            fake.Requests.Select(r => r.Line));
        Assert.Equal($"token {FakeGitHub.Token}", fake.Requests[2].Headers["Authorization"], ignoreCase: true);
        var body = fake.Requests[2].Json.GetProperty("body").GetString()!;
        Assert.StartsWith("<!-- adaptgate:default -->\n", body, StringComparison.Ordinal);
        Assert.Contains("retrain", body, StringComparison.Ordinal);
        Assert.Equal("success", fake.Requests[3].Json.GetProperty("state").GetString());
        Assert.Contains("Commented on octo-org/models#7", run.Step("Comment").Stdout, StringComparison.Ordinal);
        Assert.All(run.Steps, s => Assert.DoesNotContain(FakeGitHub.Token, s.Stdout + s.Stderr, StringComparison.Ordinal));

        // Without a comment, check applies fail-on itself: the step fails, nothing is posted. The tool installed
        // above is found again in the runner's temp folder.
        var requests = fake.Requests.Count;
        var failing = action.Run(Request(fake, new Dictionary<string, string>(inputs) { ["comment"] = "false", ["fail-on"] = "retrain" }));

        Assert.Equal(1, failing.Step("Check").ExitCode);
        Assert.False(failing.Step("Comment").Ran);
        Assert.Equal("retrain", failing.Outputs["verdict"]);
        Assert.DoesNotContain("tool install", failing.Step("Install adaptgate").Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(requests, fake.Requests.Count);

        // The reference input takes a profile of the training data in its place (docs/profiles.md): the same verdict.
        var tool = run.StepOutputs["install"]["adaptgate"];
        var profiled = ProcessRun.Of(tool, ["profile", "data/train.csv", "--policy", "adaptgate.json", "--output", "data/train.agprofile"], _workspace, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _feed.PackagesCache });
        Assert.True(profiled.ExitCode == 0, profiled.ToString());
        var fromProfile = action.Run(Request(fake, new Dictionary<string, string>(inputs) { ["reference"] = "data/train.agprofile", ["comment"] = "false" }));

        Assert.True(fromProfile.Step("Check").ExitCode == 0, fromProfile.ToString());
        Assert.Equal("retrain", fromProfile.Outputs["verdict"]);
        Assert.Equal(run.Outputs["drift-share"], fromProfile.Outputs["drift-share"]);
    }

    private ActionRunRequest Request(FakeGitHub fake, IReadOnlyDictionary<string, string> inputs)
    {
        var eventPath = Path.Combine(_workspace, "event.json");
        File.WriteAllText(eventPath, """{"action":"synchronize","number":7,"pull_request":{"number":7,"head":{"sha":"x"}}}""");
        var summary = Path.Combine(_runnerTemp, "step-summary.md");
        File.WriteAllText(summary, string.Empty);
        return new ActionRunRequest(
            inputs,
            new Dictionary<string, string> { ["token"] = FakeGitHub.Token, ["event.pull_request.number"] = "7" },
            new Dictionary<string, string>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["CI"] = "true",
                ["GITHUB_REPOSITORY"] = $"{FakeGitHub.Owner}/{FakeGitHub.Repo}",
                ["GITHUB_EVENT_NAME"] = "pull_request",
                ["GITHUB_EVENT_PATH"] = eventPath,
                ["GITHUB_REF"] = "refs/pull/7/merge",
                ["GITHUB_API_URL"] = fake.ApiUrl.AbsoluteUri.TrimEnd('/'),
                ["GITHUB_SERVER_URL"] = "https://github.example",
                ["GITHUB_RUN_ID"] = "4242",
                ["GITHUB_RUN_ATTEMPT"] = "1",
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["GITHUB_WORKSPACE"] = _workspace,
                ["NUGET_PACKAGES"] = _feed.PackagesCache,
            },
            _workspace,
            _runnerTemp);
    }
}
