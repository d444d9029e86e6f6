using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AdaptGate.GitHub;

/// <summary>
/// Sits under Octokit, so every call it makes (pages included) gets the same treatment: retries
/// of 5xx answers, timeouts and network errors with exponential backoff and jitter, and a wait for
/// a rate limit that lifts soon. What it gives up on reaches Octokit as GitHub's last answer (or
/// the last exception), and <see cref="GitHubErrors"/> words it.
/// </summary>
internal sealed class ResilientHandler : DelegatingHandler
{
    private readonly GitHubRetryOptions _options;
    private readonly ResiliencePipeline _total;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _attempt;

    public ResilientHandler(GitHubRetryOptions options, HttpMessageHandler inner)
        : base(inner)
    {
        _options = options;

        // Three pipelines, because the pauses run on the injectable clock while the timeouts must
        // run on real time (a test clock that skips pauses would also fire every timeout at once).
        _total = new ResiliencePipelineBuilder().AddTimeout(options.TotalTimeout).Build();
        _attempt = new ResiliencePipelineBuilder().AddTimeout(options.AttemptTimeout).Build();
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.Clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RateLimitWait(response) : null),
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Each attempt sends a fresh copy: a request message is not meant to be sent twice.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return await _total.ExecuteAsync(
            (totalToken) => _retry.ExecuteAsync(
                (retryToken) => _attempt.ExecuteAsync(
                    (attemptToken) => new ValueTask<HttpResponseMessage>(base.SendAsync(Copy(request, body), attemptToken)),
                    retryToken),
                totalToken),
            cancellationToken).ConfigureAwait(false);
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } when (int)response.StatusCode >= 500 => true,
        { Result: { } response } => RateLimitWait(response) is { } wait && wait <= _options.MaxRateLimitWait,
        _ => false,
    };

    /// <summary>The pause a rate-limited answer asks for, or null for any other answer (the backoff decides).</summary>
    private TimeSpan? RateLimitWait(HttpResponseMessage response)
    {
        var now = _options.Clock.GetUtcNow();
        return RateLimit.From(response.StatusCode, name => Header(response, name), now)?.Wait(now);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
