namespace AdaptGate.GitHub;

/// <summary>What to do when the pull request already has a comment with the same key.</summary>
public enum CommentMode
{
    /// <summary>Edit that comment in place (create one when there is none): one comment, always current.</summary>
    Update,

    /// <summary>Delete it and post a new one, so the verdict is the last thing in the conversation.</summary>
    Recreate,

    /// <summary>Post a new comment every time, keeping the earlier ones as a history.</summary>
    Append,
}

public static class CommentModes
{
    public static readonly IReadOnlyList<string> Names = ["update", "recreate", "append"];

    public static CommentMode Parse(string text) => text switch
    {
        "update" => CommentMode.Update,
        "recreate" => CommentMode.Recreate,
        "append" => CommentMode.Append,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a comment mode: update, recreate or append"),
    };
}
