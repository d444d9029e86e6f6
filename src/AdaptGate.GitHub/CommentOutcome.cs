namespace AdaptGate.GitHub;

public enum CommentAction
{
    Created,
    Updated,
    Recreated,
}

/// <summary>What happened to the comment: its id and address, and how many older ones were deleted (recreate).</summary>
public sealed record CommentOutcome(CommentAction Action, long Id, string? Url, int Deleted);
