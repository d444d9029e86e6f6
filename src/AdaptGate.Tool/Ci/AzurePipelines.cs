using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;
using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Ci;

/// <summary>
/// Azure Pipelines: output variables (verdict, driftShare, report) for later steps and jobs, and
/// an issue per reason to act on, through logging commands on the step's log.
/// </summary>
internal static class AzurePipelines
{
    public static bool IsRunning(IEnvironment environment) =>
        string.Equals(environment.Get("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Publish(CheckOutcome outcome, TextWriter commands)
    {
        var report = outcome.Report;
        SetOutput(commands, "verdict", report.Verdict.Name());
        SetOutput(commands, "driftShare", report.Drift.Share.ToString(CultureInfo.InvariantCulture));
        SetOutput(commands, "report", outcome.JsonReportPath ?? string.Empty);

        foreach (var reason in report.Reasons.Where(r => r.Verdict >= Verdict.FineTune))
        {
            commands.WriteLine($"##vso[task.logissue type=warning]{Escape(InertText.Escape($"AdaptGate {reason.Rule}: {reason.Message}"))}");
        }

        foreach (var warning in report.Warnings)
        {
            commands.WriteLine($"##vso[task.logissue type=warning]{Escape("AdaptGate: " + InertText.Escape(warning))}");
        }

        if (outcome.FailOnReached)
        {
            commands.WriteLine($"##vso[task.logissue type=error]{Escape("AdaptGate " + outcome.Headline)}");
        }
    }

    /// <summary>The agent's escaping, for messages and property values alike; '%' first so the others stay intact.</summary>
    public static string Escape(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);

    private static void SetOutput(TextWriter commands, string name, string value) =>
        commands.WriteLine($"##vso[task.setvariable variable={name};isOutput=true]{Escape(value)}");
}
