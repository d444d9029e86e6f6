using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AdaptGate.Build;

/// <summary>What both tasks hand back to MSBuild from a report: the verdict, the drift share and the items.</summary>
internal sealed class CheckOutputs
{
    private CheckOutputs(string verdict, string driftShare, ITaskItem[] driftedColumns, ITaskItem[] firedRules)
    {
        Verdict = verdict;
        DriftShare = driftShare;
        DriftedColumns = driftedColumns;
        FiredRules = firedRules;
    }

    public string Verdict { get; }

    public string DriftShare { get; }

    /// <summary>One item per drifted column (the item spec is its name), with Kind, Method, Score, Threshold, PValue.</summary>
    public ITaskItem[] DriftedColumns { get; }

    /// <summary>One item per fired rule (the item spec is its id), with Verdict, Code, Message, Value, Threshold, Margin.</summary>
    public ITaskItem[] FiredRules { get; }

    public static CheckOutputs From(ReportSummary report) => new(
        report.Verdict,
        Numbers.Format(report.DriftShare),
        report.DriftedColumns.Select(ToItem).ToArray(),
        report.Reasons.Where(r => r.Rule != DiagnosticCodes.AllClearRule).Select(ToItem).ToArray());

    private static ITaskItem ToItem(DriftedColumn column)
    {
        ITaskItem2 item = new TaskItem(MsBuildEscaping.Escape(column.Name));
        item.SetMetadataValueLiteral("Kind", column.Kind);
        item.SetMetadataValueLiteral("Method", column.Method);
        item.SetMetadataValueLiteral("Score", Numbers.Format(column.Score));
        item.SetMetadataValueLiteral("Threshold", Numbers.Format(column.Threshold));
        item.SetMetadataValueLiteral("PValue", Numbers.Format(column.PValue));
        return item;
    }

    private static ITaskItem ToItem(FiredRule rule)
    {
        ITaskItem2 item = new TaskItem(MsBuildEscaping.Escape(rule.Rule));
        item.SetMetadataValueLiteral("Verdict", rule.Verdict);
        item.SetMetadataValueLiteral("Code", DiagnosticCodes.ForRule(rule.Rule));
        item.SetMetadataValueLiteral("Message", rule.Message);
        item.SetMetadataValueLiteral("Value", Numbers.Format(rule.Value));
        item.SetMetadataValueLiteral("Threshold", Numbers.Format(rule.Threshold));
        item.SetMetadataValueLiteral("Margin", Numbers.Format(rule.Margin));
        return item;
    }
}
