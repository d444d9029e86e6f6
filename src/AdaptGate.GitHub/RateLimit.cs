using System.Globalization;
using System.Net;

namespace AdaptGate.GitHub;

/// <summary>
/// GitHub's two rate limits, read from a response's headers. The primary limit (requests per hour)
/// answers 403 or 429 with <c>x-ratelimit-remaining: 0</c> and the reset time as Unix seconds in
/// <c>x-ratelimit-reset</c>; the secondary limit (bursts, content creation) answers 403 or 429 with
/// <c>Retry-After</c> seconds. A 429 with neither asks for at least a minute's pause.
/// </summary>
internal sealed record RateLimit(bool Primary, DateTimeOffset Until)
{
    private static readonly TimeSpan UnspecifiedPause = TimeSpan.FromMinutes(1);

    public TimeSpan Wait(DateTimeOffset now) => Until > now ? Until - now : TimeSpan.Zero;

    /// <summary>The limit a response reports, or null when it is no rate limit (a plain 403 is a permission problem).</summary>
    public static RateLimit? From(HttpStatusCode status, Func<string, string?> header, DateTimeOffset now)
    {
        if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (header("x-ratelimit-remaining") is "0")
        {
            // Whole seconds: a second more makes sure the window has really reset when we retry.
            return long.TryParse(header("x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset)
                ? new RateLimit(Primary: true, DateTimeOffset.FromUnixTimeSeconds(reset).AddSeconds(1))
                : new RateLimit(Primary: true, now + UnspecifiedPause);
        }

        if (header("retry-after") is { } retryAfter)
        {
            if (long.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return new RateLimit(Primary: false, now.AddSeconds(seconds));
            }

            if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return new RateLimit(Primary: false, date);
            }
        }

        return status == HttpStatusCode.TooManyRequests ? new RateLimit(Primary: false, now + UnspecifiedPause) : null;
    }
}
