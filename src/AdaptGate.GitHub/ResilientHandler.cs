using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AdaptGate.GitHub;

/// <summary>
/// Sits under Octokit, so every call it makes (pages included) gets the same treatment: retries
/// of 5xx answers, timeouts and network errors with exponential backoff and jitter, and a wait for
/// a rate limit that lifts soon. What it gives up on reaches Octokit as GitHub's last answer (or
/// the last exception), and <see cref="GitHubErrors"/> words it. A POST that creates something (a
/// comment) is repeated only when GitHub surely did not act on it (a rate limit, no connection):
/// after a 5xx or a timeout it may have, and <see cref="CommentCreator"/> looks before posting again.
/// </summary>
internal sealed class ResilientHandler : DelegatingHandler
{
    private readonly GitHubRetryOptions _options;
    private readonly ResiliencePipeline _total;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _attempt;

    private static readonly ResiliencePropertyKey<bool> Replayable = new("adaptgate-replayable");

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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RateLimitWait(response) : null),
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Each attempt sends a fresh copy: a request message is not meant to be sent twice.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var replayable = IsReplayable(request);
        return await _total.ExecuteAsync(
            async (totalToken) =>
            {
                var context = ResilienceContextPool.Shared.Get(totalToken);
                context.Properties.Set(Replayable, replayable);
                try
                {
                    return await _retry.ExecuteAsync(
                        (retryContext, _) => _attempt.ExecuteAsync(
                            (attemptToken) => new ValueTask<HttpResponseMessage>(base.SendAsync(Copy(request, body), attemptToken)),
                            retryContext.CancellationToken),
                        context,
                        0).ConfigureAwait(false);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether sending the request twice does no harm: reads, edits and deletes, and the one POST that
    /// is idempotent in effect (a commit status: the latest per context wins). A comment POST is not.
    /// </summary>
    private static bool IsReplayable(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.Contains("/statuses/", StringComparison.Ordinal) == true;

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var replayable = context.Properties.GetValue(Replayable, true);
        return outcome switch
        {
            // The request never reached GitHub: sending it again cannot repeat anything.
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
            { Exception: HttpRequestException or TimeoutRejectedException } => replayable,
            { Result: { } response } when (int)response.StatusCode >= 500 => replayable,

            // A rate limit refuses the request before acting on it.
            { Result: { } response } => RateLimitWait(response) is { } wait && wait <= _options.MaxRateLimitWait,
            _ => false,
        };
    }

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
