using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub;

/// <summary>The body of the pull request comment: the marker line, then the Markdown report.</summary>
public static class VerdictComment
{
    /// <summary>
    /// The whole body stays within GitHub's limit: the report shrinks (charts, then rows, saying
    /// what it left out) to what the limit leaves after the marker line.
    /// </summary>
    public static string Body(CheckReport report, string key)
    {
        var marker = CommentMarker.For(key);
        var room = MarkdownOptions.GitHubCommentLimit - marker.Length - 1;
        return marker + "\n" + MarkdownReportFormat.Write(report, new MarkdownOptions { MaxLength = room });
    }
}
