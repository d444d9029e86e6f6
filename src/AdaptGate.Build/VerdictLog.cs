using System.Linq;
using AdaptGate.Core.Reports;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AdaptGate.Build;

/// <summary>
/// Says what a report means in MSBuild's terms. A plain <c>dotnet build</c> shows warnings and errors
/// but hides even high-importance messages, so everything a person must see is a warning with a code
/// (one per rule, each with a help link); the verdict is also a high-importance message for -v:n logs.
/// </summary>
internal sealed class VerdictLog
{
    private readonly TaskLoggingHelper _log;
    private readonly string _helpLinkBase;

    public VerdictLog(TaskLoggingHelper log, string? helpLinkBase)
    {
        _log = log;
        _helpLinkBase = helpLinkBase ?? DiagnosticCodes.DefaultHelpLinkBase;
    }

    /// <summary>
    /// Logs the verdict, the fired rules and the report's warnings, then the FailOn error when the verdict
    /// reached it. Returns false when it did. <paramref name="fromPreviousRun"/> says the inputs did not change
    /// since the report was written, so the build reports it again instead of checking again.
    /// </summary>
    public bool Report(ReportSummary report, string reportFile, FailOnLevel failOn, bool fromPreviousRun)
    {
        var fired = report.Reasons.Where(r => r.Rule != DiagnosticCodes.AllClearRule).ToList();
        var origin = report.CurrentData ?? string.Empty;
        var because = fired.Count == 0
            ? report.Reasons.Select(r => r.Message).FirstOrDefault() ?? "no rule fired"
            : string.Join("; ", fired.Select(r => r.Rule));
        because = InertText.Escape(because);
        var headline = $"AdaptGate verdict: {report.Verdict.ToUpperInvariant()} ({because}). Report: {reportFile}"
            + (fromPreviousRun ? " (inputs unchanged: verdict of the previous check)" : string.Empty);

        _log.LogMessage(MessageImportance.High, "{0}", headline);
        if (report.Verdict != Verdicts.Skip)
        {
            Warning(DiagnosticCodes.Verdict, origin, headline);
        }

        foreach (var rule in fired)
        {
            Warning(DiagnosticCodes.ForRule(rule.Rule), origin, InertText.Escape($"{rule.Rule} ({rule.Verdict}): {rule.Message}"));
        }

        foreach (var warning in report.Warnings)
        {
            Warning(DiagnosticCodes.ReportWarning, origin, InertText.Escape(warning));
        }

        if (failOn.Reached(report.Verdict))
        {
            _log.LogError(
                subcategory: null,
                DiagnosticCodes.FailOnReached,
                helpKeyword: null,
                DiagnosticCodes.HelpLink(_helpLinkBase, DiagnosticCodes.FailOnReached),
                origin,
                0,
                0,
                0,
                0,
                "{0}",
                $"The AdaptGate verdict '{report.Verdict}' reached AdaptGateFailOn '{failOn.Name()}' ({because}). See {reportFile}.");
            return false;
        }

        return true;
    }

    private void Warning(string code, string file, string message) =>
        _log.LogWarning(
            subcategory: null,
            code,
            helpKeyword: null,
            DiagnosticCodes.HelpLink(_helpLinkBase, code),
            file,
            0,
            0,
            0,
            0,
            "{0}",
            message);
}
