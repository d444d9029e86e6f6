using AdaptGate.Core.Decision.Rules;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision;

/// <summary>
/// Applies the rules of <see cref="DecisionRules.All"/> in their order. Performance is what matters, so with metrics
/// the metric rules decide and drift only explains; without metrics, drift is the proxy. The strongest verdict of the
/// rules that fired wins (retrain > fine-tune > skip); then the adjustments (fine-tune-streak, too-little-data) may
/// turn a fine-tune into a retrain or a skip (fine-tunes pile up; few rows overfit).
/// </summary>
public static class DecisionEngine
{
    public static DecisionOutcome Decide(DecisionInputs inputs, GatePolicy policy)
    {
        var facts = new RuleFacts(inputs, policy);
        var evaluations = new List<RuleEvaluation>();
        var fired = new List<VerdictReason>();

        foreach (var rule in DecisionRules.All.Where(r => r.Scope != RuleScope.Adjustment && Applies(r, inputs) && r.Enabled(policy)))
        {
            foreach (var evaluation in rule.Evaluate(facts))
            {
                Record(evaluation);
                if (evaluation.Fired)
                {
                    fired.Add(Reason(evaluation));
                }
            }
        }

        if (inputs.Metrics is { BaselineOptimistic: true } metrics)
        {
            facts.Warnings.Add($"The baseline {metrics.Primary} is the model's score on the reference data, which it was trained on: an optimistic baseline. Pass --baseline-metrics with the model's validation metrics for a fair comparison.");
        }

        var verdict = fired.Count == 0 ? Verdict.Skip : fired.Max(r => r.Verdict);
        var decisive = new List<VerdictReason>();
        foreach (var adjustment in DecisionRules.All.Where(r => r.Scope == RuleScope.Adjustment && r.Enabled(policy)))
        {
            if (verdict != adjustment.Replaces)
            {
                continue;
            }

            foreach (var evaluation in adjustment.Evaluate(facts))
            {
                Record(evaluation);
                if (evaluation.Fired)
                {
                    verdict = adjustment.Verdict;
                    decisive.Add(Reason(evaluation));
                }
            }
        }

        if (fired.Count == 0 && decisive.Count == 0)
        {
            decisive.Add(new VerdictReason("all-clear", Verdict.Skip, AllClearMessage(inputs), 0, 0, 0));
        }

        // The rules that turned the verdict come first, then the strongest of the rest.
        var reasons = decisive.Concat(fired.OrderByDescending(r => r.Verdict)).ToArray();
        return new DecisionOutcome(verdict, reasons, evaluations, facts.Warnings);

        void Record(RuleEvaluation evaluation)
        {
            evaluations.Add(evaluation);
            facts.Record(evaluation);
        }
    }

    /// <summary>"two-proportion z-test p 0.0001 on 3,000 and 3,000 rows, positive rate 58% → 70%: change 0.12, material at 0.05".</summary>
    public static string LabelTestText(ShareChangeTest test) => RuleText.LabelTest(test);

    private static bool Applies(DecisionRule rule, DecisionInputs inputs) => rule.Scope switch
    {
        RuleScope.WithMetrics => inputs.Metrics is not null,
        RuleScope.WithoutMetrics => inputs.Metrics is null,
        _ => true,
    };

    private static VerdictReason Reason(RuleEvaluation e) =>
        new(e.Rule, e.Verdict, e.Detail, e.Value ?? 0, e.Threshold ?? 0, e.Margin ?? 0);

    private static string AllClearMessage(DecisionInputs inputs) => inputs.Metrics is { } metrics
        ? $"no rule fired: {RuleText.Change(metrics)} and no feature column drifted ({inputs.Drift.DriftedColumns} of {inputs.Drift.ComparedColumns})"
        : $"no rule fired: no feature column drifted (0 of {inputs.Drift.ComparedColumns}) and the schema is unchanged";
}
