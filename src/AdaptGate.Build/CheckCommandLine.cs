using System;
using System.Linq;
using Microsoft.Build.Utilities;

namespace AdaptGate.Build;

/// <summary>
/// The CLI's arguments for one check. The report is always JSON (the task reads it back) and --fail-on
/// is always none: the tasks apply FailOn themselves, so a build that skips the check as up to date
/// fails on the previous verdict exactly as the build that ran it did.
/// </summary>
internal static class CheckCommandLine
{
    /// <summary>The metadata of an <see cref="AdaptGateCheck.Arguments"/> item that holds the option's value.</summary>
    public const string ValueMetadata = "Value";

    /// <summary>The task owns where and how the report is written: an argument may not set these.</summary>
    private static readonly string[] TaskOwned = ["--format", "-f", "--output", "-o", "--json", "--fail-on"];

    public static bool IsOption(string name) =>
        name.StartsWith("--", StringComparison.Ordinal) && name.Length > 2 && name.IndexOfAny([' ', '\t', '"', '=']) < 0
        && Array.IndexOf(TaskOwned, name) < 0;

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
        if (!check.RecordHistory && !check.Arguments.Any(a => a.ItemSpec == "--no-history"))
        {
            builder.AppendSwitch("--no-history");
        }

        foreach (var argument in check.Arguments)
        {
            var value = argument.GetMetadata(ValueMetadata);
            if (value.Length == 0)
            {
                builder.AppendSwitch(argument.ItemSpec);
            }
            else
            {
                builder.AppendSwitchIfNotNull(argument.ItemSpec + " ", value);
            }
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
