using AdaptGate.Core;

namespace AdaptGate.GitHub.Tests;

/// <summary>The pieces of the Actions context: repository names, the event file, the ref, the marker.</summary>
public sealed class ContextParsingTests
{
    [Theory]
    [InlineData("""{"pull_request":{"number":12}}""", 12)]
    [InlineData("""{"action":"opened","number":12,"pull_request":{"number":12,"head":{"sha":"abc"}}}""", 12)]
    [InlineData("""{"ref":"refs/heads/main","commits":[]}""", null)]
    [InlineData("""{"pull_request":{"number":"12"}}""", null)]
    [InlineData("""[]""", null)]
    public void The_event_file_gives_pull_request_number(string json, int? expected) =>
        Assert.Equal(expected, PullRequestEvent.NumberFromEvent(json, "event.json"));

    [Fact]
    public void An_event_file_that_is_not_json_is_bad_input_naming_it()
    {
        var e = Assert.Throws<InputException>(() => PullRequestEvent.NumberFromEvent("{", "/runner/event.json"));

        Assert.Equal("/runner/event.json", e.FilePath);
        Assert.StartsWith("The event file is not JSON: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refs/pull/42/merge", 42)]
    [InlineData("refs/pull/42/head", 42)]
    [InlineData("refs/heads/main", null)]
    [InlineData("refs/pull/x/merge", null)]
    [InlineData("refs/pull/0/merge", null)]
    [InlineData(null, null)]
    public void Github_ref_gives_the_number_of_a_pull_request_ref(string? gitRef, int? expected) =>
        Assert.Equal(expected, PullRequestEvent.NumberFromRef(gitRef));

    [Theory]
    [InlineData("octo-org/models", "octo-org", "models")]
    [InlineData(" octo/my.model_v2 ", "octo", "my.model_v2")]
    public void Repository_names_are_owner_slash_name(string text, string owner, string name) =>
        Assert.Equal(new GitHubRepository(owner, name), GitHubRepository.Parse(text, "--repo"));

    [Theory]
    [InlineData("models")]
    [InlineData("a/b/c")]
    [InlineData("owner/na me")]
    [InlineData("-owner/name")]
    [InlineData("owner/name?x=1")]
    public void Anything_else_is_refused_rather_than_put_in_a_path(string text)
    {
        var e = Assert.Throws<InputException>(() => GitHubRepository.Parse(text, "GITHUB_REPOSITORY"));

        Assert.Equal($"GITHUB_REPOSITORY takes owner/name (such as octo-org/models), not '{text}'.", e.Message);
    }

    [Theory]
    [InlineData("<!-- adaptgate:default -->\n## verdict", true)]
    [InlineData("<!-- adaptgate:default -->", true)]
    [InlineData("<!-- adaptgate:default -->\r\n## verdict", true)]
    [InlineData("<!-- adaptgate:default-2 -->\n## verdict", false)]
    [InlineData("<!-- adaptgate:defaults -->", false)]
    [InlineData("> <!-- adaptgate:default -->\n> quoted", false)]
    [InlineData("See <!-- adaptgate:default --> above", false)]
    [InlineData(null, false)]
    public void Only_a_comment_that_opens_with_the_exact_marker_is_ours(string? body, bool expected) =>
        Assert.Equal(expected, CommentMarker.IsOn(body, CommentMarker.For("default")));

    [Theory]
    [InlineData("default")]
    [InlineData("churn-model.v2_eu")]
    public void Keys_are_plain_names(string key) =>
        Assert.Equal($"<!-- adaptgate:{key} -->", CommentMarker.For(key));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("x-->")]
    [InlineData("@team")]
    public void A_key_that_could_escape_the_comment_is_refused(string key) =>
        Assert.Throws<InputException>(() => CommentMarker.For(key));

    [Fact]
    public void Scrubbing_masks_every_secret_and_ignores_empty_ones() =>
        Assert.Equal("a *** b *** c", Redaction.Scrub("a s3cret-1 b s3cret-2 c", "s3cret-1", null, "", "s3cret-2"));

    [Fact]
    public void The_connection_options_never_print_the_token() =>
        Assert.DoesNotContain(FakeGitHub.Token, new GitHubConnectionOptions(new Uri("https://api.github.com"), FakeGitHub.Token).ToString(), StringComparison.Ordinal);
}
