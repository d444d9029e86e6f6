using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub;

/// <summary>The body of the pull request comment: the marker line, a link to the HTML report when there is one, then the Markdown report.</summary>
public static class VerdictComment
{
    /// <summary>
    /// The whole body stays within GitHub's limit: the report shrinks (see <see cref="MarkdownReportFormat"/>,
    /// saying what it left out) to what the limit leaves after the marker line and the link. <paramref name="htmlUrl"/>
    /// is the HTML report's address, such as the artifact the composite action uploaded; null for none.
    /// </summary>
    public static string Body(CheckReport report, string key, string? htmlUrl = null)
    {
        var marker = CommentMarker.For(key);
        var link = htmlUrl is null
            ? string.Empty
            : $"📊 [Open the HTML report]({ReportLink(htmlUrl) ?? throw new ArgumentException("Not an absolute http(s) address.", nameof(htmlUrl))}): every column's chart, a sortable column table (a zip of one self-contained page).\n\n";
        var room = MarkdownOptions.GitHubCommentLimit - marker.Length - 1 - link.Length;
        return marker + "\n" + link + MarkdownReportFormat.Write(report, new MarkdownOptions { MaxLength = room });
    }

    /// <summary>
    /// The address as a Markdown link target, or null when it is not an absolute http(s) URL (a javascript: or a
    /// relative one). Parentheses, spaces and angle brackets are percent-encoded, so the address cannot end the link.
    /// </summary>
    public static string? ReportLink(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return uri.AbsoluteUri
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);
    }
}
