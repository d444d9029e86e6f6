using AdaptGate.Core.Reports;
using AdaptGate.GitHub;
using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Ci;

/// <summary>One `adaptgate comment` run: what to post, where, how; <c>StatusFailOn</c> is null without --status.</summary>
internal sealed record CommentRequest(CheckReport Report, GitHubCommentContext Context, string Key, CommentMode Mode, FailOn? StatusFailOn, bool Strict)
{
    /// <summary>The HTML report's address (--html-url), linked from the comment; null for none.</summary>
    public string? HtmlUrl { get; init; }
}
