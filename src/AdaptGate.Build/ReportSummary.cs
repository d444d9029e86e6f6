using System.Collections.Generic;

namespace AdaptGate.Build;

/// <summary>
/// The part of the JSON report (README, "The JSON report") the build acts on: the verdict, the rules
/// that fired, the report's warnings and the drifted columns. The report itself stays the full record.
/// </summary>
internal sealed class ReportSummary
{
    public ReportSummary(string verdict, double driftShare, IReadOnlyList<FiredRule> reasons, IReadOnlyList<string> warnings, IReadOnlyList<DriftedColumn> driftedColumns, string? currentData)
    {
        Verdict = verdict;
        DriftShare = driftShare;
        Reasons = reasons;
        Warnings = warnings;
        DriftedColumns = driftedColumns;
        CurrentData = currentData;
    }

    /// <summary>skip, fine-tune or retrain.</summary>
    public string Verdict { get; }

    public double DriftShare { get; }

    public IReadOnlyList<FiredRule> Reasons { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<DriftedColumn> DriftedColumns { get; }

    /// <summary>The current data file as the check was given it: the file the rule warnings point at.</summary>
    public string? CurrentData { get; }
}

/// <summary>One entry of the report's <c>reasons</c>: a rule that fired, with its evidence.</summary>
internal sealed class FiredRule
{
    public FiredRule(string rule, string verdict, string message, double? value, double? threshold, double? margin)
    {
        Rule = rule;
        Verdict = verdict;
        Message = message;
        Value = value;
        Threshold = threshold;
        Margin = margin;
    }

    public string Rule { get; }

    public string Verdict { get; }

    public string Message { get; }

    public double? Value { get; }

    public double? Threshold { get; }

    public double? Margin { get; }
}

/// <summary>One drifted column of <c>drift.columns</c>; <c>PValue</c> is null for the distances.</summary>
internal sealed class DriftedColumn
{
    public DriftedColumn(string name, string kind, string method, double? score, double? pValue, double threshold)
    {
        Name = name;
        Kind = kind;
        Method = method;
        Score = score;
        PValue = pValue;
        Threshold = threshold;
    }

    public string Name { get; }

    public string Kind { get; }

    public string Method { get; }

    public double? Score { get; }

    public double? PValue { get; }

    public double Threshold { get; }
}
