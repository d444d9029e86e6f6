using System.Globalization;
using System.Net;
using Octokit;
using Polly.Timeout;

namespace AdaptGate.GitHub;

/// <summary>
/// Turns what Octokit throws into a <see cref="GitHubPublishException"/> whose message says what
/// happened and what to do. The rate-limit headers are read here as in the retry handler, so the
/// time to retry is the one GitHub gave.
/// </summary>
internal sealed class GitHubErrors(GitHubConnectionOptions options, PullRequestTarget target)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<T> Call<T>(string doing, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Fail(Translate(e, doing), e);
        }
        catch (TimeoutRejectedException e)
        {
            throw Fail(new(GitHubFailure.Unavailable, $"GitHub did not answer while {doing} {target}, after {Attempts} attempts within {Seconds(options.Retry.TotalTimeout)}: retry later."), e);
        }
        catch (HttpRequestException e)
        {
            throw Fail(new(GitHubFailure.Unavailable, $"Cannot reach GitHub at {options.ApiBaseAddress} while {doing} {target} ({e.Message}), after {Attempts} attempts: check GITHUB_API_URL and the network, then retry."), e);
        }
    }

    public Task Call(string doing, Func<Task> call) =>
        Call(doing, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    private int Attempts => options.Retry.MaxRetryAttempts + 1;

    private GitHubPublishException Fail((GitHubFailure Failure, string Message) error, Exception inner) =>
        new(error.Failure, Redaction.Scrub(error.Message, options.Token), inner);

    private (GitHubFailure, string) Translate(ApiException e, string doing)
    {
        var status = (int)e.StatusCode;
        var said = string.IsNullOrWhiteSpace(e.Message) ? e.StatusCode.ToString() : e.Message.Trim();
        var now = options.Retry.Clock.GetUtcNow();
        var limit = RateLimit.From(e.StatusCode, Header(e), now);

        if (limit is not null)
        {
            var until = limit.Until.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";
            var wait = Duration(limit.Wait(now));
            return (GitHubFailure.RateLimited, limit.Primary
                ? $"GitHub's API rate limit for this token is used up while {doing} {target}; it resets at {until} (in {wait}): retry after that."
                : $"GitHub's secondary rate limit stopped the requests while {doing} {target}; it asks to wait until {until} (in {wait}): retry after that.");
        }

        return e.StatusCode switch
        {
            HttpStatusCode.NotFound =>
                (GitHubFailure.NotFound, $"pull request not found, or the token cannot see it: GitHub answered 404 while {doing} {target}. Check --repo and --pr, and that the token may read {target.Repository}."),
            HttpStatusCode.Unauthorized =>
                (GitHubFailure.BadCredentials, $"GitHub refused the token (401 {said}) while {doing} {target}: set GITHUB_TOKEN or ADAPTGATE_GITHUB_TOKEN to a valid, unexpired token."),
            HttpStatusCode.Forbidden when said.Contains("not accessible by integration", StringComparison.OrdinalIgnoreCase) =>
                (GitHubFailure.ReadOnlyToken, $"the token may read {target} but not write to it (GitHub answered 403 {said} while {doing} it)."),
            _ when status >= 500 =>
                (GitHubFailure.Unavailable, $"GitHub answered {status} ({said}) while {doing} {target}, after {Attempts} attempts: retry later."),
            _ => (GitHubFailure.Refused, $"GitHub refused {doing} {target}: {status} {said}."),
        };
    }

    private static Func<string, string?> Header(ApiException e) => name =>
        e.HttpResponse?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", Invariant) + " s";

    private static string Duration(TimeSpan span) =>
        span >= TimeSpan.FromMinutes(2)
            ? Math.Ceiling(span.TotalMinutes).ToString(Invariant) + " minutes"
            : Math.Ceiling(span.TotalSeconds).ToString(Invariant) + " s";
}
