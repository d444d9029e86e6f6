using System.Globalization;
using System.Text;
using AdaptGate.Core;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;
using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Ci;

/// <summary>
/// GitHub Actions: step outputs in $GITHUB_OUTPUT, the Markdown report in the job summary
/// ($GITHUB_STEP_SUMMARY), and an annotation per reason to act on.
/// </summary>
internal static class GitHubActions
{
    public static bool IsRunning(IEnvironment environment) =>
        string.Equals(environment.Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Publish(IEnvironment environment, CheckOutcome outcome, TextWriter commands)
    {
        var report = outcome.Report;
        if (environment.Get("GITHUB_OUTPUT") is { Length: > 0 } outputFile)
        {
            var outputs = new StringBuilder()
                .Append("verdict=").Append(report.Verdict.Name()).Append('\n')
                .Append("drift-share=").Append(report.Drift.Share.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("report=").Append(SingleLine(outcome.JsonReportPath ?? string.Empty)).Append('\n');
            Append(outputFile, outputs.ToString(), "GITHUB_OUTPUT");
        }

        AppendStepSummary(environment, report, top: outcome.Top);

        foreach (var reason in report.Reasons.Where(r => r.Verdict >= Verdict.FineTune))
        {
            commands.WriteLine($"::warning title={EscapeProperty("AdaptGate " + InertText.Escape(reason.Rule))}::{EscapeData(InertText.Escape(reason.Message))}");
        }

        foreach (var warning in report.Warnings)
        {
            commands.WriteLine($"::warning title=AdaptGate::{EscapeData(InertText.Escape(warning))}");
        }

        if (outcome.FailOnReached)
        {
            commands.WriteLine($"::error title=AdaptGate::{EscapeData(outcome.Headline)}");
        }
    }

    /// <summary>
    /// Appends the Markdown report (after an optional note, already Markdown) to the job summary;
    /// false when $GITHUB_STEP_SUMMARY is not set, so there is nowhere to write it.
    /// </summary>
    /// <remarks>A job summary holds 1 MiB per step: the report shrinks to what the note leaves of it, in UTF-8 bytes.</remarks>
    public static bool AppendStepSummary(IEnvironment environment, CheckReport report, string? note = null, int? top = null)
    {
        if (environment.Get("GITHUB_STEP_SUMMARY") is not { Length: > 0 } summaryFile)
        {
            return false;
        }

        var room = MarkdownOptions.StepSummaryUtf8Bytes - (note is null ? 0 : Encoding.UTF8.GetByteCount(note) + 2) - 1;
        var markdown = MarkdownReportFormat.Write(report, new MarkdownOptions { MaxUtf8Bytes = room, Top = top }) + "\n";
        Append(summaryFile, note is null ? markdown : note + "\n\n" + markdown, "GITHUB_STEP_SUMMARY");
        return true;
    }

    /// <summary>The message of a workflow command: the runner unescapes these three.</summary>
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value (title=...): ':' and ',' also separate properties.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>The name=value form ends at the line's end, so a value with a line break would forge other outputs.</summary>
    private static string SingleLine(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? throw new InputException("The report path has a line break, which a GitHub step output cannot hold.", value, hint: "Write the JSON report to a path without line breaks.")
            : value;

    private static void Append(string path, string text, string variable)
    {
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot append to the file ${variable} names: {e.Message}", path, hint: "Run inside GitHub Actions, or unset GITHUB_ACTIONS.", inner: e);
        }
    }
}
