namespace AdaptGate.GitHub;

/// <summary>Why GitHub did not take the verdict, so the caller can choose what to do about it.</summary>
public enum GitHubFailure
{
    /// <summary>404: the pull request does not exist, or the token cannot see it.</summary>
    NotFound,

    /// <summary>401: the token is wrong, expired or revoked.</summary>
    BadCredentials,

    /// <summary>403 "Resource not accessible by integration": the token may read but not write (a fork's pull request).</summary>
    ReadOnlyToken,

    /// <summary>A rate limit that lifts too late to wait for.</summary>
    RateLimited,

    /// <summary>5xx answers, timeouts or network errors after every retry.</summary>
    Unavailable,

    /// <summary>Any other refusal (403 without a rate limit, 422, ...): GitHub's own message says why.</summary>
    Refused,
}
