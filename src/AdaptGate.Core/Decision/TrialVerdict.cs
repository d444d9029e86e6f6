using System.Globalization;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision;

/// <summary>
/// Turns a decided trial into the verdict: the action that measured best within the policy's minimum gain
/// decides, the rules' reasons stay beside it as what the measurements alone suggested, and the fine-tune
/// streak still turns a fine-tune into a retrain (fine-tunes pile up error a short trial does not see).
/// A trial that did not decide leaves the rules' verdict and says why.
/// </summary>
public static class TrialVerdict
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DecisionOutcome Apply(DecisionOutcome rules, TrialSection trial, DecisionInputs inputs, GatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(policy);
        if (trial.Verdict is not { } verdict)
        {
            var detail = $"the trial did not decide: {trial.Why}";
            return rules with { Evaluations = [.. rules.Evaluations, new RuleEvaluation("trial", rules.Verdict, false, null, null, null, detail)] };
        }

        var relative = trial.MinGainKind == "relative";
        var minGain = trial.MinGain.GetValueOrDefault();
        var (value, low, high, against) = Deciding(trial, verdict);
        var message = Message(trial, verdict, relative, value, low, high, against);

        // Under lower-bound-past-threshold the choice turned on the interval's lower end, so the margin is measured from it.
        var decidingValue = trial.Credibility == MetricCredibility.LowerBoundPastThreshold.Name() ? low ?? value : value;
        var reason = new VerdictReason("trial", verdict, message, decidingValue, minGain, decidingValue - minGain);
        var evaluations = new List<RuleEvaluation>(rules.Evaluations) { new("trial", verdict, true, decidingValue, minGain, decidingValue - minGain, message) };
        var decisive = new List<VerdictReason> { reason };

        var streak = policy.Rules.FineTuneStreak;
        if (verdict == Verdict.FineTune && streak.Enabled && inputs.FineTunesSinceLastRetrain >= streak.MaxFineTunes)
        {
            var count = inputs.FineTunesSinceLastRetrain;
            var streakMessage = $"{count} fine-tunes since the last retrain (limit {streak.MaxFineTunes}): fine-tunes pile up error, so the trial's fine-tune becomes a retrain";
            decisive.Add(new VerdictReason("fine-tune-streak", Verdict.Retrain, streakMessage, count, streak.MaxFineTunes, count - streak.MaxFineTunes));
            evaluations.Add(new RuleEvaluation("fine-tune-streak", Verdict.Retrain, true, count, streak.MaxFineTunes, count - streak.MaxFineTunes, streakMessage));
            verdict = Verdict.Retrain;
        }

        var context = rules.Reasons.Where(r => r.Rule is not "all-clear" and not "fine-tune-streak");
        return new DecisionOutcome(verdict, [.. decisive, .. context], evaluations, rules.Warnings.Where(w => !w.StartsWith("Fine-tuning was indicated but skipped", StringComparison.Ordinal)).ToArray());
    }

    /// <summary>
    /// The number the choice turned on: for skip, how far skip falls short of the best action (below the
    /// minimum gain, or the trial would have adapted); for an adapting action, how far the next cheaper
    /// measured action falls short of the best (at or past the minimum gain).
    /// </summary>
    private static (double Value, double? Low, double? High, TrialCandidate? Against) Deciding(TrialSection trial, Verdict verdict)
    {
        var measured = trial.Candidates.Where(c => c.Shortfall is not null).ToArray();
        var against = verdict == Verdict.Skip
            ? measured.FirstOrDefault(c => c.Action == Verdict.Skip)
            : measured.Where(c => c.Action < verdict).MaxBy(c => c.Action);
        return against is null ? (0, null, null, null) : (against.Shortfall!.Value, against.ShortfallLow, against.ShortfallHigh, against);
    }

    private static string Message(TrialSection trial, Verdict verdict, bool relative, double value, double? low, double? high, TrialCandidate? against)
    {
        var scores = string.Join(", ", trial.Candidates.Select(c => c.Metric is { } m
            ? $"{c.Action.Name()} {m.ToString("0.####", Invariant)}"
            : $"{c.Action.Name()} {c.Status}"));
        var rows = $"adapted on the first {trial.AdaptRows.ToString("N0", Invariant)} current rows and scored on the last {trial.ScoreRows.ToString("N0", Invariant)}";
        var gain = MetricDropText.Format(value, relative) + MetricDropText.Interval(low, high, relative);
        var minimum = MetricDropText.Threshold(trial.MinGain.GetValueOrDefault(), relative);
        var best = trial.Candidates.FirstOrDefault(c => c.Shortfall == 0 && c.Metric is not null)?.Action ?? verdict;
        var surely = trial.Credibility == MetricCredibility.LowerBoundPastThreshold.Name();
        var (notEnough, enough) = trial.Credibility switch
        {
            "point" => ($"short of the {minimum} a costlier action must gain (decision.minGain)", $"at least the {minimum} a costlier action must gain (decision.minGain)"),
            "interval" => ($"not both past the {minimum} a costlier action must gain (decision.minGain) and above zero (decision.credibility interval)", $"past the {minimum} a costlier action must gain (decision.minGain), its interval above zero"),
            _ => ($"not surely the {minimum} a costlier action must gain: the interval's lower end is not past it (decision.credibility)", $"surely past the {minimum} a costlier action must gain: the interval's lower end is (decision.minGain)"),
        };
        var choice = verdict == Verdict.Skip
            ? best == Verdict.Skip
                ? "keeping the model measured best"
                : $"the best action ({best.Name()}) gains {gain} {trial.Primary} over skip, {notEnough}"
            : against is null
                ? $"{verdict.Name()} is the only action measured"
                : best == verdict
                    ? $"{verdict.Name()} measured best, and {against.Action.Name()} falls {gain} short of it, {enough}"
                    : $"{verdict.Name()} is the cheapest action not ruled out ({trial.Primary} within {minimum} of the best, {best.Name()}{(surely ? ", or not surely past it" : string.Empty)}), and {against.Action.Name()} falls {gain} short of the best, {enough}";
        var rulesSaid = trial.RulesVerdict == verdict ? string.Empty : $"; the rules alone said {trial.RulesVerdict.Name()}";
        return $"the trial {rows}: {trial.Primary} {scores}; {choice}{rulesSaid}";
    }

}
