using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Policy;

/// <summary>When a rule is evaluated.</summary>
public enum RuleScope
{
    /// <summary>On every check.</summary>
    Always,

    /// <summary>When metrics are given: performance decides, drift explains.</summary>
    WithMetrics,

    /// <summary>When drift is the only evidence.</summary>
    WithoutMetrics,

    /// <summary>After the others: turns the verdict they reached into another one.</summary>
    Adjustment,
}

/// <summary>One rule of a policy in words, with the thresholds that policy gives it.</summary>
/// <param name="Id">The rule's id, as reports name it (schema-change, metric-drop, ...).</param>
/// <param name="Enabled">Whether the rule can fire under this policy.</param>
/// <param name="Scope">When the rule is evaluated.</param>
/// <param name="FiresWhen">What it fires on, with the effective thresholds.</param>
/// <param name="Verdict">The verdict it asks for.</param>
/// <param name="Replaces">For an adjustment, the verdict it turns into <paramref name="Verdict"/>.</param>
public sealed record ExplainedRule(string Id, bool Enabled, RuleScope Scope, string FiresWhen, Verdict Verdict, Verdict? Replaces = null);

/// <summary>One measurement setting of a policy in words ("drift method": "auto: ks or chisquare ...").</summary>
public sealed record ExplainedSetting(string Name, string Value);
