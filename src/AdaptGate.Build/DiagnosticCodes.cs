using System;
using System.Collections.Generic;
using System.IO;

namespace AdaptGate.Build;

/// <summary>
/// The AG codes the tasks log, one per rule so a project can silence one rule's warning
/// (<c>NoWarn</c>, <c>MSBuildWarningsAsMessages</c>) or promote it (<c>MSBuildWarningsAsErrors</c>)
/// without touching the others. docs/diagnostics.md has an anchor per code (#ag1001 ...).
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>The verdict line, as a warning when it is fine-tune or retrain.</summary>
    public const string Verdict = "AG1000";

    /// <summary>A rule the report does not know yet (a newer CLI than these tasks).</summary>
    public const string OtherRule = "AG1099";

    /// <summary>A warning of the report's own (advice such as "the labels may lag the drift").</summary>
    public const string ReportWarning = "AG1100";

    /// <summary>The CLI refused its input (exit code 2): a data, policy, model or metrics file is wrong.</summary>
    public const string BadInput = "AG2001";

    /// <summary>The verdict reached AdaptGateFailOn.</summary>
    public const string FailOnReached = "AG2002";

    /// <summary>The CLI could not run or did not produce a readable report (not the input's fault).</summary>
    public const string CheckFailed = "AG2003";

    /// <summary>A task property has a value the task does not accept (say FailOn=sometimes).</summary>
    public const string BadSetting = "AG2004";

    /// <summary>An exception inside the task itself: a bug in AdaptGate.Build.</summary>
    public const string TaskFailed = "AG9999";

    /// <summary>The rule the decision engine reports when nothing fired: not a warning.</summary>
    public const string AllClearRule = "all-clear";

    /// <summary>
    /// docs/diagnostics.md as the package carries it (docs/ beside tasks/), as a file URI: the targets pass the same
    /// one as $(AdaptGateHelpLinkBase), and this serves projects that run the tasks from targets of their own.
    /// </summary>
    public static string DefaultHelpLinkBase { get; } = PackagedDoc(typeof(DiagnosticCodes).Assembly.Location);

    /// <summary>The packaged page for a task assembly at tasks/&lt;tfm&gt;/AdaptGate.Build.Tasks.dll.</summary>
    internal static string PackagedDoc(string taskAssembly)
    {
        var tasksFolder = taskAssembly.Length > 0 ? Path.GetDirectoryName(taskAssembly) ?? "." : ".";
        return new Uri(Path.GetFullPath(Path.Combine(tasksFolder, "..", "..", "docs", "diagnostics.md"))).AbsoluteUri;
    }

    // In the order of the README's rule table, which is the engine's evaluation order. Codes are never
    // renumbered (builds suppress or promote them by number): a rule added later takes the next free code.
    private static readonly Dictionary<string, string> RuleCodes = new(StringComparer.Ordinal)
    {
        ["schema-change"] = "AG1001",
        ["metric-collapse"] = "AG1002",
        ["metric-drop-diverged"] = "AG1003",
        ["metric-drop"] = "AG1004",
        ["major-shift"] = "AG1012",
        ["drift-without-degradation"] = "AG1005",
        ["drift-share-severe"] = "AG1006",
        ["domain-separable"] = "AG1007",
        ["drift-detected"] = "AG1008",
        ["target-drift"] = "AG1009",
        ["fine-tune-streak"] = "AG1010",
        ["too-little-data"] = "AG1011",
    };

    public static string ForRule(string rule) => RuleCodes.TryGetValue(rule, out var code) ? code : OtherRule;

    /// <summary>The code's anchor under the help link base: https://.../diagnostics#ag1006.</summary>
    public static string HelpLink(string helpLinkBase, string code)
    {
        var trimmed = (helpLinkBase is { Length: > 0 } ? helpLinkBase : DefaultHelpLinkBase).TrimEnd('/', '#');
        return trimmed + "#" + code.ToLowerInvariant();
    }
}
