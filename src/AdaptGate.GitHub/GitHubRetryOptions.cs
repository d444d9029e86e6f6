namespace AdaptGate.GitHub;

/// <summary>
/// How hard to try before giving up on GitHub. The defaults suit a CI step: a few retries of
/// server errors with growing, jittered pauses, a short wait for a rate limit that resets soon,
/// and a bound on the whole request so a stuck API cannot hold the pipeline.
/// </summary>
public sealed record GitHubRetryOptions
{
    public static readonly GitHubRetryOptions Default = new();

    /// <summary>Retries after the first attempt (5xx, timeouts, network errors, near rate limits).</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>The first pause of the exponential backoff (doubled each time, with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between two attempts of the backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>One attempt that has not answered by then is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>All attempts of one request, pauses included, end by then.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>A rate limit that lifts within this is waited out; a later one fails with the time to retry.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The clock for "now" (against x-ratelimit-reset) and for the pauses between attempts. Tests
    /// pass one that does not wait; the timeouts above always run on real time.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
