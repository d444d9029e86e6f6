using System.Text;

namespace AdaptGate.Core.Reports;

/// <summary>How the Markdown report is written.</summary>
public sealed record MarkdownOptions
{
    /// <summary>The least a limit may be: the verdict, the reasons and a note of what was left out must fit.</summary>
    public const int MinimumMaxLength = 1000;

    /// <summary>A GitHub comment body holds at most this many characters.</summary>
    public const int GitHubCommentLimit = 65536;

    /// <summary>
    /// What the check's Markdown report (--format markdown, --markdown, the job summary) may take in UTF-8: a GitHub
    /// step summary holds 1 MiB, and a file of that size still opens in a browser tab or an editor at once.
    /// </summary>
    public const int StepSummaryUtf8Bytes = 1024 * 1024;

    /// <summary>
    /// At most this many characters (UTF-16 code units), or null for no limit. Over it (or over
    /// <see cref="MaxUtf8Bytes"/>), the table rows of columns that did not drift go first, then the drifted
    /// columns' charts, then their rows; the verdict and reasons stay.
    /// </summary>
    public int? MaxLength { get; init; }

    /// <summary>At most this many bytes in UTF-8, or null for no limit; shrinks as <see cref="MaxLength"/> does.</summary>
    public int? MaxUtf8Bytes { get; init; }

    /// <summary>Show only this many columns, the most drifted first (--top), or null for all; the report says how many were left out.</summary>
    public int? Top { get; init; }

    /// <summary>Whether a rendered report is within both limits.</summary>
    public bool Fits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Three bytes at most per UTF-16 unit: a text that short needs no count.
        return (MaxLength is not { } chars || text.Length <= chars)
            && (MaxUtf8Bytes is not { } bytes || text.Length <= bytes / 3 || Encoding.UTF8.GetByteCount(text) <= bytes);
    }
}
