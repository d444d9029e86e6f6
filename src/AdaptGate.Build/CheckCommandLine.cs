using Microsoft.Build.Utilities;

namespace AdaptGate.Build;

/// <summary>
/// The CLI's arguments for one check. The report is always JSON (the task reads it back) and --fail-on
/// is always none: the tasks apply FailOn themselves, so a build that skips the check as up to date
/// fails on the previous verdict exactly as the build that ran it did.
/// </summary>
internal static class CheckCommandLine
{
    public static string For(AdaptGateCheck check)
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(check.CliPath);
        builder.AppendSwitch("check");
        builder.AppendSwitchIfNotNull("--reference ", check.ReferenceData);
        builder.AppendSwitchIfNotNull("--current ", check.CurrentData);
        AppendIfSet(builder, "--policy ", check.Policy);
        AppendIfSet(builder, "--model ", check.Model);
        AppendIfSet(builder, "--label ", check.LabelColumn);
        AppendIfSet(builder, "--metrics ", check.MetricsFile);
        AppendIfSet(builder, "--baseline-metrics ", check.BaselineMetricsFile);
        AppendIfSet(builder, "--drift-method ", check.DriftMethod);
        AppendIfSet(builder, "--history ", check.HistoryFile);
        if (!check.RecordHistory)
        {
            builder.AppendSwitch("--no-history");
        }

        builder.AppendSwitch("--format json");
        builder.AppendSwitchIfNotNull("--output ", check.ReportFile);
        AppendIfSet(builder, "--markdown ", check.MarkdownFile);
        builder.AppendSwitch("--fail-on none");
        return builder.ToString();
    }

    private static void AppendIfSet(CommandLineBuilder builder, string name, string? value)
    {
        if (value is { Length: > 0 } && value.Trim().Length > 0)
        {
            builder.AppendSwitchIfNotNull(name, value);
        }
    }
}
