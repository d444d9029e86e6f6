using AdaptGate.Core.Decision;

namespace AdaptGate.GitHub.Tests;

public sealed class CommitStatusTests
{
    [Fact]
    public async Task The_status_goes_on_the_head_commit_with_context_state_description_and_link()
    {
        using var fake = new FakeGitHub().PullRequest().CreatesStatus();
        var publisher = new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target);

        var head = await publisher.GetHeadAsync();
        var outcome = await publisher.SetStatusAsync(head.Sha, StatusState.Failure, "verdict: retrain (drift-share-severe: 2 of 2\nfeature columns drifted)", new Uri("https://github.com/octo-org/models/actions/runs/42"));

        Assert.Equal(new StatusOutcome(FakeGitHub.HeadSha, StatusState.Failure, "verdict: retrain (drift-share-severe: 2 of 2 feature columns drifted)", "adaptgate/verdict"), outcome);
        Assert.Equal([$"GET {fake.RepoPath}/pulls/7", $"POST {fake.RepoPath}/statuses/{FakeGitHub.HeadSha}"], fake.Requests.Select(r => r.Line));
        var body = fake.Requests[1].Json;
        Assert.Equal("failure", body.GetProperty("state").GetString());
        Assert.Equal("adaptgate/verdict", body.GetProperty("context").GetString());
        Assert.Equal("verdict: retrain (drift-share-severe: 2 of 2 feature columns drifted)", body.GetProperty("description").GetString());
        Assert.Equal("https://github.com/octo-org/models/actions/runs/42", body.GetProperty("target_url").GetString());
    }

    [Fact]
    public async Task A_fork_is_told_by_the_head_repository()
    {
        using var fake = new FakeGitHub().PullRequest(headRepository: "someone/models");

        var head = await new PullRequestPublisher(fake.Options(new InstantClock()), FakeGitHub.Target).GetHeadAsync();

        Assert.True(head.FromFork);
    }

    [Theory]
    [InlineData(Verdict.Skip, null, StatusState.Success)]
    [InlineData(Verdict.Skip, Verdict.FineTune, StatusState.Success)]
    [InlineData(Verdict.FineTune, null, StatusState.Success)]
    [InlineData(Verdict.FineTune, Verdict.FineTune, StatusState.Failure)]
    [InlineData(Verdict.FineTune, Verdict.Retrain, StatusState.Success)]
    [InlineData(Verdict.Retrain, Verdict.Retrain, StatusState.Failure)]
    [InlineData(Verdict.Retrain, Verdict.FineTune, StatusState.Failure)]
    public void Skip_passes_and_the_others_fail_from_fail_on_up(Verdict verdict, Verdict? failOn, StatusState expected) =>
        Assert.Equal(expected, VerdictStatus.State(verdict, failOn));

    [Fact]
    public void A_long_description_is_cut_to_140_characters_with_an_ellipsis()
    {
        var text = "verdict: retrain (" + string.Concat(Enumerable.Repeat("many words ", 30)) + ")";

        var description = VerdictStatus.Description(text);

        Assert.InRange(description.Length, 130, 140);
        Assert.EndsWith("words…", description, StringComparison.Ordinal);
        Assert.StartsWith("verdict: retrain (many words many", description, StringComparison.Ordinal);
        Assert.Equal("short", VerdictStatus.Description("short"));
        Assert.Equal(140, VerdictStatus.Description(new string('x', 140)).Length);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var description = VerdictStatus.Description(new string('x', 138) + "😀😀😀");

        Assert.Equal(new string('x', 138) + "…", description);
    }
}
