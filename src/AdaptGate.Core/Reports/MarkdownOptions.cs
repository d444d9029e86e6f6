namespace AdaptGate.Core.Reports;

/// <summary>How the Markdown report is written.</summary>
public sealed record MarkdownOptions
{
    /// <summary>The least a limit may be: the verdict, the reasons and a note of what was left out must fit.</summary>
    public const int MinimumMaxLength = 1000;

    /// <summary>A GitHub comment body holds at most this many characters.</summary>
    public const int GitHubCommentLimit = 65536;

    /// <summary>
    /// At most this many characters (UTF-16 code units, which never undercount), or null for no
    /// limit. Over it, the per-column charts go first, then table rows; the verdict and reasons stay.
    /// </summary>
    public int? MaxLength { get; init; }
}
