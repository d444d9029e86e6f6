using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AdaptGate.GitHub.Tests;

/// <summary>
/// A GitHub REST API on 127.0.0.1 (WireMock.Net): the tests stub the answers, Octokit talks to it
/// over real HTTP through its base address, and <see cref="Requests"/> tells what it received.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    public const string Token = "ghs_FAKEtoken0123456789abcdefghijklmnopqrstu";
    public const string Owner = "octo-org";
    public const string Repo = "models";
    public const int Number = 7;
    public const string HeadSha = "0123456789abcdef0123456789abcdef01234567";

    private readonly WireMockServer _server;

    /// <param name="prefix">The API's path on the host: "" as on github.com, "/api/v3" as on GitHub Enterprise Server.</param>
    public FakeGitHub(string prefix = "")
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>The API's base address, as GITHUB_API_URL would give it (no trailing slash).</summary>
    public Uri ApiUrl => new(_server.Urls[0] + Prefix);

    public string RepoPath => $"{Prefix}/repos/{Owner}/{Repo}";

    public static PullRequestTarget Target => new(new GitHubRepository(Owner, Repo), Number);

    public GitHubConnectionOptions Options(InstantClock clock) =>
        new(ApiUrl, Token) { Retry = GitHubRetryOptions.Default with { Clock = clock } };

    /// <summary>What the fake received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests =>
        _server.LogEntries
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => new ReceivedRequest(
                e.RequestMessage.Method,
                e.RequestMessage.Path + (e.RequestMessage.RawQuery is { Length: > 0 } q ? "?" + q.TrimStart('?') : string.Empty),
                e.RequestMessage.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase) ?? [],
                e.RequestMessage.Body))
            .ToList();

    public FakeGitHub PullRequest(string headRepository = $"{Owner}/{Repo}") =>
        Json("GET", $"{RepoPath}/pulls/{Number}", 200, new
        {
            number = Number,
            state = "open",
            head = new { sha = HeadSha, @ref = "feature", repo = new { full_name = headRepository } },
            @base = new { sha = "fedcba9876543210fedcba9876543210fedcba98", @ref = "main", repo = new { full_name = $"{Owner}/{Repo}" } },
        });

    /// <summary>The comments as pages, linked by the Link header as GitHub links them.</summary>
    public FakeGitHub Comments(params object[][] pages)
    {
        for (var i = 0; i < pages.Length; i++)
        {
            var request = Request.Create().WithPath($"{RepoPath}/issues/{Number}/comments").UsingGet();
            request = i == 0 ? request.WithParam("per_page", "100") : request.WithParam("page", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(pages[i]));
            if (i + 1 < pages.Length)
            {
                var next = $"{_server.Urls[0]}{RepoPath}/issues/{Number}/comments?per_page=100&page={i + 2}";
                var last = $"{_server.Urls[0]}{RepoPath}/issues/{Number}/comments?per_page=100&page={pages.Length}";
                response = response.WithHeader("Link", $"<{next}>; rel=\"next\", <{last}>; rel=\"last\"");
            }

            // The later pages' stubs match more precisely (page=N): they win over the first page's.
            _server.Given(request.UsingGet()).AtPriority(i == 0 ? 10 : 1).RespondWith(response);
        }

        return this;
    }

    public static object Comment(long id, string body, string login = "github-actions[bot]") =>
        new { id, body, user = new { login }, html_url = $"https://github.com/{Owner}/{Repo}/pull/{Number}#issuecomment-{id}" };

    public FakeGitHub CreatesComment(long id) =>
        Json("POST", $"{RepoPath}/issues/{Number}/comments", 201, Comment(id, "created"));

    public FakeGitHub UpdatesComment(long id) =>
        Json("PATCH", $"{RepoPath}/issues/comments/{id}", 200, Comment(id, "updated"));

    public FakeGitHub DeletesComment(long id)
    {
        _server.Given(Request.Create().WithPath($"{RepoPath}/issues/comments/{id}").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
        return this;
    }

    public FakeGitHub CreatesStatus() =>
        Json("POST", $"{RepoPath}/statuses/{HeadSha}", 201, new { id = 1, state = "success", context = "adaptgate/verdict" });

    /// <summary>
    /// Any answer to one request, optionally in one state of a scenario (for "fails twice, then
    /// works"): a scenario starts in no state (<paramref name="whenState"/> null).
    /// </summary>
    public FakeGitHub Answer(string method, string path, int status, object? body, IDictionary<string, string>? headers = null, string? scenario = null, string? whenState = null, string? nextState = null, int priority = 5, TimeSpan? delay = null)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        var response = Response.Create().WithStatusCode(status);
        if (delay is { } pause)
        {
            response = response.WithDelay(pause);
        }

        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body as string ?? JsonSerializer.Serialize(body));
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        var given = _server.Given(request).AtPriority(priority);
        if (scenario is not null)
        {
            given = given.InScenario(scenario);
            if (whenState is not null)
            {
                given = given.WhenStateIs(whenState);
            }

            if (nextState is not null)
            {
                given = given.WillSetStateTo(nextState);
            }
        }

        given.RespondWith(response);
        return this;
    }

    public void Dispose() => _server.Stop();

    private FakeGitHub Json(string method, string path, int status, object body) => Answer(method, path, status, body, priority: 10);
}

/// <summary>One request as the fake received it; header names compare without case.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string Line => $"{Method} {Path}";

    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;
}
