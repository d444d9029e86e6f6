using System.Globalization;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports;

/// <summary>The trial said one way in the text report, Markdown and the pull-request comment.</summary>
public static class TrialText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"Trial (auto, 120 s budget): decided fine-tune; adapted on the first 3,000 current rows, scored on the last 2,000; a costlier action must gain 0.01 auc."</summary>
    public static string Summary(TrialSection trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var budget = trial.BudgetSeconds is { } b ? $", {b.ToString("0.#", Invariant)} s budget" : string.Empty;
        var head = $"Trial ({trial.Mode}{budget})";
        if (trial.Status == "not-run")
        {
            return $"{head}: not run: {trial.Why}.";
        }

        var outcome = trial.Verdict is { } v ? $"decided {v.Name()}" : $"{trial.Status}: {trial.Why}";
        var relative = trial.MinGainKind == "relative";
        var minGain = trial.MinGain.GetValueOrDefault();
        return $"{head}: {outcome}; adapted on the first {trial.AdaptRows.ToString("N0", Invariant)} current rows, scored on the last {trial.ScoreRows.ToString("N0", Invariant)}{Blocks(trial)}; " +
               $"a costlier action must gain {MetricDropText.Threshold(minGain, relative)}{(relative ? " of the best" : string.Empty)} {trial.Primary}.";
    }

    private static string Blocks(TrialSection trial) =>
        trial.Folds == 1 ? string.Empty : $" in {trial.Folds} blocks, each by the actions adapted on every row before it";

    /// <summary>A candidate's metric, or its status when it was not measured.</summary>
    public static string Metric(TrialCandidate candidate) =>
        candidate.Metric is { } m ? m.ToString("0.####", Invariant) : candidate.Status;

    /// <summary>How far the candidate falls short of the best, with its paired interval ("best" for the best itself).</summary>
    public static string Shortfall(TrialSection trial, TrialCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Shortfall is not { } s)
        {
            return "-";
        }

        if (s == 0)
        {
            return "best";
        }

        var relative = trial.MinGainKind == "relative";
        return MetricDropText.Format(s, relative) + MetricDropText.Interval(candidate.ShortfallLow, candidate.ShortfallHigh, relative);
    }
}
