using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AdaptGate.Build;

/// <summary>
/// Reads the previous report back when the check target was skipped as up to date. MSBuild does not
/// restore a skipped target's task outputs, so without this $(AdaptGateVerdict) would be empty on every
/// incremental build; this logs and fails exactly as the check that wrote the report did.
/// </summary>
public sealed class AdaptGateReadReport : Task
{
    [Required]
    public string ReportFile { get; set; } = string.Empty;

    /// <summary>none (default), fine-tune or retrain, as on <see cref="AdaptGateCheck"/>.</summary>
    public string? FailOn { get; set; }

    public string? HelpLinkBase { get; set; }

    [Output]
    public string Verdict { get; private set; } = string.Empty;

    [Output]
    public string DriftShare { get; private set; } = string.Empty;

    [Output]
    public ITaskItem[] DriftedColumns { get; private set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] FiredRules { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            if (!FailOnLevels.TryParse(FailOn, out var failOn))
            {
                LogError(DiagnosticCodes.BadSetting, null, $"AdaptGateFailOn is '{FailOn}': use {FailOnLevels.Accepted}.");
                return false;
            }

            ReportSummary report;
            try
            {
                report = ReportReader.ReadFile(ReportFile);
            }
            catch (ReportFormatException e)
            {
                // Deleting it makes the next build check again instead of skipping on a broken report.
                TryDelete(ReportFile);
                LogError(DiagnosticCodes.CheckFailed, ReportFile, $"The previous AdaptGate report is unusable ({e.Message}); it was deleted, so the next build checks again.");
                return false;
            }

            var outputs = CheckOutputs.From(report);
            Verdict = outputs.Verdict;
            DriftShare = outputs.DriftShare;
            DriftedColumns = outputs.DriftedColumns;
            FiredRules = outputs.FiredRules;
            return new VerdictLog(Log, HelpLinkBase).Report(report, ReportFile, failOn, fromPreviousRun: true);
        }
        catch (Exception e)
        {
            LogError(DiagnosticCodes.TaskFailed, null, $"AdaptGateReadReport failed: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error already logged says what is wrong; a report that stays is rebuilt by a clean.
        }
    }

    private void LogError(string code, string? file, string message) =>
        Log.LogError(null, code, null, DiagnosticCodes.HelpLink(HelpLinkBase ?? string.Empty, code), file, 0, 0, 0, 0, "{0}", message);
}
