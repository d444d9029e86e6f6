using System.CommandLine;
using AdaptGate.Core;
using AdaptGate.Core.Reports;
using AdaptGate.GitHub;
using AdaptGate.Tool.Ci;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// <c>adaptgate comment</c>: posts a check's JSON report to its pull request as one sticky comment,
/// and optionally as a commit status; a fork's read-only token sends the report to the job summary.
/// </summary>
internal static class CommentCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IEnvironment environment, GitHubRetryOptions retry)
    {
        var report = new Option<string>("--report")
        {
            Description = "The JSON report of 'adaptgate check' (--json FILE, or --format json --output FILE).",
            Required = true,
        };
        var repo = new Option<string?>("--repo") { Description = "owner/name of the repository (default: GITHUB_REPOSITORY)." };
        var pr = new Option<int?>("--pr") { Description = "The pull request number (default: the event's pull_request.number, or GITHUB_REF refs/pull/N/merge)." };
        pr.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0)
            {
                r.AddError("--pr must be a positive pull request number.");
            }
        });
        var key = new Option<string>("--key")
        {
            Description = "Names this comment, so several models in one repository keep one comment each (letters, digits, '.', '_', '-').",
            DefaultValueFactory = _ => CommentMarker.DefaultKey,
        };
        var mode = new Option<string>("--mode")
        {
            Description = "update: edit the comment in place (create it the first time); recreate: delete it and post anew at the bottom; append: post a new one every time.",
            DefaultValueFactory = _ => "update",
        };
        mode.AcceptOnly([.. CommentModes.Names]);
        var status = new Option<bool>("--status") { Description = $"Also set the commit status '{VerdictStatus.Context}' on the pull request's head commit." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "The verdict from which the status is a failure and the exit code 1 (as for check): none, fine-tune, retrain.",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnly(FailOnExtensions.Names);
        var htmlUrl = new Option<string?>("--html-url") { Description = "The address of the HTML report (such as the artifact the composite action uploads): the comment links it. An absolute https or http URL." };
        htmlUrl.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } url && VerdictComment.ReportLink(url) is null)
            {
                r.AddError($"--html-url takes an absolute https:// or http:// address, not '{url}'.");
            }
        });
        var strict = new Option<bool>("--strict") { Description = "Exit 2 when a fork's read-only token cannot comment, instead of writing the report to the job summary." };

        var command = new Command("comment", "Post the verdict to the pull request: one comment, updated on every run, and optionally a commit status.\n\nThe token comes from ADAPTGATE_GITHUB_TOKEN or GITHUB_TOKEN, never from an option.\n\nExample:\n  adaptgate comment --report adaptgate-report.json --status --fail-on retrain")
        {
            report, repo, pr, key, mode, status, failOn, htmlUrl, strict,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var keyName = parse.GetValue(key)!;
            CommentMarker.For(keyName);
            var reportPath = parse.GetValue(report)!;
            var checkReport = ReadReport(reportPath);
            var context = GitHubCommentContext.Resolve(environment, parse.GetValue(repo), parse.GetValue(pr), retry);
            var failOnVerdict = FailOnExtensions.Parse(parse.GetValue(failOn)!);
            var request = new CommentRequest(
                checkReport,
                context,
                keyName,
                CommentModes.Parse(parse.GetValue(mode)!),
                parse.GetValue(status) ? failOnVerdict : null,
                parse.GetValue(strict))
            {
                HtmlUrl = parse.GetValue(htmlUrl),
            };

            cancellationToken.ThrowIfCancellationRequested();
            await new CommentPublication(stdout, stderr, environment).RunAsync(request).ConfigureAwait(false);
            return failOnVerdict.Reached(checkReport.Verdict) ? ExitCodes.VerdictReachedFailOn : ExitCodes.Success;
        });
        return command;
    }

    private static CheckReport ReadReport(string path)
    {
        try
        {
            return JsonReportFormat.Read(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the report: {e.Message}", path, hint: "Write it first with 'adaptgate check ... --json FILE'.", inner: e);
        }
    }
}
