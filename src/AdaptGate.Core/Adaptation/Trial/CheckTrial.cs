using System.Globalization;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Adaptation.Trial;

/// <summary>
/// The check's trial: <c>adapt --action compare</c> on the rows the check already read, split in time
/// (adapt on the earlier current rows, score on the later ones, the whole reference to learn from), so the
/// verdict is the action that measured best rather than the one the rules expect to.
/// </summary>
internal static class CheckTrial
{
    /// <summary>Below this many labeled current rows the scored slice is too small to tell actions apart.</summary>
    public const int MinimumRows = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <returns>The trial, or null when the policy turns it off or there is no model to try.</returns>
    public static TrialSection? Run(CheckSettings settings, DataTable reference, DataTable current, Verdict rulesVerdict, List<string> warnings, CancellationToken cancellationToken)
    {
        var policy = settings.Policy;
        var decision = policy.Decision;
        var request = settings.Request;
        if (decision.Trial == TrialMode.Off || request.ModelPath is not { } modelPath)
        {
            return null;
        }

        var mode = decision.Trial == TrialMode.On ? "on" : "auto";
        double? budget = decision.Trial == TrialMode.Auto ? decision.TrialBudgetSeconds : null;
        var primaryName = policy.Metrics.Primary ?? "the task's default";
        TrialSection NotRun(string why) =>
            new(mode, "not-run", why, primaryName, decision.MinGain, null, budget, "time", 0, 0, [], null, rulesVerdict);

        if (settings.Label is not { } label || current.Find(label) is not { } currentLabel || reference.Find(label) is null)
        {
            return NotRun("the trial needs the label column (--label) in both files");
        }

        var labeled = currentLabel.Length - currentLabel.MissingCount;
        var minimum = Math.Max(MinimumRows, policy.Rules.TooLittleData.Enabled ? policy.Rules.TooLittleData.MinRows : 0);
        if (labeled < minimum)
        {
            return NotRun($"only {labeled.ToString("N0", Invariant)} labeled current rows, fewer than the {minimum.ToString("N0", Invariant)} a trial needs to tell the actions apart");
        }

        var adapt = new AdaptRequest
        {
            ModelPath = modelPath,
            ReferencePath = request.ReferencePath,
            CurrentPath = request.CurrentPath,
            LabelColumn = label,
            PositiveClass = settings.PositiveClass,
            Action = AdaptAction.Compare,
            Holdout = decision.TrialShare,
            Split = HoldoutSplit.Time,
            ReferenceHoldout = 0,
            Budget = budget is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Tolerance = decision.MinGain,
            RecordHistory = false,
            PolicyPath = request.PolicyPath,
            RecipePath = request.RecipePath,
        };

        request.Progress?.Report(new CheckProgress(CheckPhase.Trial));
        // A recipe that cannot be read is bad input (exit 2); one that does not fit these files leaves the trial not run, said so.
        var recipe = request.RecipePath is { } recipePath ? Recipes.RecipeRetrains.Read(recipePath) : null;
        AdaptOutcome outcome;
        try
        {
            outcome = AdaptRunner.Adapt(adapt, policy, label, reference, current, null, null, cancellationToken, recipe);
        }
        catch (InputException e)
        {
            warnings.Add($"The trial could not run, so the rules decide: {e.Message}");
            return NotRun(e.Message);
        }

        return Summarize(outcome, mode, budget, rulesVerdict, policy);
    }

    private static TrialSection Summarize(AdaptOutcome outcome, string mode, double? budget, Verdict rulesVerdict, GatePolicy policy)
    {
        var section = outcome.Report.Adaptation;
        var primary = section.Primary;
        var measured = section.Candidates.Where(c => c.Current is not null).ToArray();
        var best = Best(measured, primary);
        var bootstrap = policy.Metrics.Bootstrap;
        var candidates = section.Candidates.Select(c =>
        {
            (double Value, double? Low, double? High)? shortfall = null;
            if (c.Current is { } metric && best is { } b)
            {
                shortfall = outcome.Evidence.TryGetValue(c.Action, out var rows) && outcome.Evidence.TryGetValue(b.Action, out var bestRows)
                    ? PairedShortfall.Measure(rows, bestRows, primary, bootstrap.Resamples, policy.Seed, bootstrap.Level)
                    : (MetricDrop.Compute(primary, b.Current!.Value, metric), null, null);
            }

            return new TrialCandidate(c.Action, c.Status, c.Current, shortfall?.Value, shortfall?.Low, shortfall?.High, c.Note);
        }).ToArray();

        var stopped = section.Candidates.FirstOrDefault(c => c.Status == "stopped" || c.Note == CandidateTrainer.BudgetSpent);
        var status = stopped is not null ? "stopped" : section.Recommended is null ? "not-run" : "decided";
        var why = stopped is not null
            ? $"the {stopped.Action.Name()} candidate was still training when the {Seconds(budget)} budget ran out (decision.trialBudgetSeconds), so the rules decide"
            : section.Recommended is null ? "nothing could be measured on the scored rows" : null;
        return new TrialSection(
            mode,
            status,
            why,
            primary,
            section.Settings.Tolerance,
            section.Settings.ToleranceKind,
            budget,
            "time",
            section.Rows.CurrentTrain,
            section.Rows.CurrentHoldout,
            candidates,
            status == "decided" ? section.Recommended : null,
            rulesVerdict);
    }

    private static CandidateResult? Best(CandidateResult[] measured, string primary)
    {
        if (measured.Length == 0)
        {
            return null;
        }

        return MetricDirection.HigherIsBetter(primary)
            ? measured.MaxBy(c => c.Current!.Value)
            : measured.MinBy(c => c.Current!.Value);
    }

    private static string Seconds(double? budget) => budget is { } b ? b.ToString("0.#", Invariant) + " s" : "time";
}
