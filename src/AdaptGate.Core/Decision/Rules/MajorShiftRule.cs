using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>Off by default: docs/decisions.md ("Default changed: major-shift off") has the evidence.</summary>
internal sealed class MajorShiftRule : DecisionRule
{
    public override string Id => "major-shift";

    public override string Code => "AG1012";

    public override string PolicyKey => "majorShift";

    public override Verdict Verdict => Verdict.FineTune;

    public override RuleScope Scope => RuleScope.WithMetrics;

    public override IReadOnlyList<string> Reads { get; } = ["metrics", "column psi", "column weights", "metric-collapse"];

    public override bool Enabled(GatePolicy policy) => policy.Rules.MajorShift.Enabled;

    public override string FiresWhen(GatePolicy policy) =>
        $"{RuleText.Primary(policy)} holds, but {RuleText.Percent(policy.Rules.MajorShift.DriftShare)} or more of the (weighted) feature columns shifted far (PSI {RuleText.Setting(policy.Rules.MajorShift.Psi)} or more): the rows moved where the model was not fit, and a fine-tune fits it where they are now.";

    internal override IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts)
    {
        var rule = facts.Rules.MajorShift;
        var (share, names) = Shifted(facts.Inputs.Drift, rule.Psi);
        var collapsed = facts.HasFired("metric-collapse");
        var fires = !facts.Dropped && !collapsed && share >= rule.DriftShare;
        var far = $"{RuleText.Percent(share)} of feature columns shifted far (PSI {RuleText.Number(rule.Psi)} or more{(names.Count > 0 ? $": {RuleText.Names(names)}" : string.Empty)})";
        yield return new RuleEvaluation(Id, Verdict, fires, share, rule.DriftShare, share - rule.DriftShare,
            fires
                ? $"{far} while the metric holds ({RuleText.Change(facts.Metrics)}): the rows moved where the model was not fit, and a fine-tune fits it where they are now"
                : facts.Dropped || collapsed
                    ? $"{far}; the metric dropped, so the metric rules decide"
                    : $"{far}, below {RuleText.Percent(rule.DriftShare)}: the rows are still where the model was fit");
    }

    /// <summary>
    /// The weighted share of feature columns whose PSI reached <paramref name="psi"/>, and their names. A column
    /// that could not be compared (all values missing on one side, kind changed) has no PSI and does not count:
    /// the missing-value change and schema-change speak for it.
    /// </summary>
    private static (double Share, IReadOnlyList<string> Names) Shifted(DriftSection drift, double psi)
    {
        var total = drift.Columns.Sum(c => c.Weight);
        var shifted = drift.Columns.Where(c => c.Psi >= psi).ToArray();
        return (total > 0 ? shifted.Sum(c => c.Weight) / total : 0, shifted.Select(c => c.Name).ToArray());
    }
}
