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
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = new List<AdaptOutcome>();
        var folds = TrialFolds.Plan(current.RowCount, decision.TrialShare, decision.TrialFolds);
        foreach (var fold in folds)
        {
            TimeSpan? left = budget is { } limit ? TimeSpan.FromSeconds(limit) - started.Elapsed : null;
            // The first block always starts: its own trainer stops at the budget and says which candidate it stopped.
            if (outcomes.Count > 0 && left is { } l && l <= TimeSpan.Zero)
            {
                break;
            }

            var rows = fold.Rows == current.RowCount ? current : TableRows.Take(current, [.. Enumerable.Range(0, fold.Rows)]);
            try
            {
                outcomes.Add(AdaptRunner.Adapt(adapt with { Holdout = fold.Holdout, Budget = left }, policy, label, reference, rows, null, null, cancellationToken, recipe));
            }
            catch (InputException e)
            {
                warnings.Add($"The trial could not run, so the rules decide: {e.Message}");
                return NotRun(e.Message);
            }

            if (Stopped(outcomes[^1]) is not null)
            {
                break;
            }
        }

        return Summarize(outcomes, folds.Count, mode, budget, rulesVerdict, policy);
    }

    private static CandidateResult? Stopped(AdaptOutcome outcome) =>
        outcome.Report.Adaptation.Candidates.FirstOrDefault(c => c.Status == "stopped" || c.Note == CandidateTrainer.BudgetSpent);

    private static TrialSection Summarize(List<AdaptOutcome> outcomes, int folds, string mode, double? budget, Verdict rulesVerdict, GatePolicy policy)
    {
        var first = outcomes[0].Report.Adaptation;
        var primary = first.Primary;
        var tolerance = first.Settings.Tolerance;
        var complete = outcomes.Count == folds;

        // One block: adapt --action compare measured it, shortfalls and recommendation included. More: pooled here the same way.
        var pooled = complete && folds > 1 ? Pool(outcomes) : [];
        var measured = folds == 1
            ? [.. first.Candidates.Where(c => c.Current is not null).Select(c => (c.Action, Metric: c.Current!.Value))]
            : pooled.Select(p => (Action: p.Key, Metric: Value(p.Value, primary))).Where(m => !double.IsNaN(m.Metric)).OrderBy(m => m.Action).ToArray();
        var shortfalls = folds == 1
            ? first.Candidates.Where(c => c.Shortfall is not null).ToDictionary(c => c.Action, c => (c.Shortfall!.Value, c.ShortfallLow, c.ShortfallHigh))
            : CandidateShortfalls.Measure(measured, pooled, primary, policy);
        var recommended = folds == 1 ? first.Recommended : CandidateShortfalls.Recommend(shortfalls, tolerance, policy);

        var candidates = first.Candidates.Select(c =>
        {
            double? metric = measured.Any(m => m.Action == c.Action) ? measured.First(m => m.Action == c.Action).Metric : null;
            (double Value, double? Low, double? High)? shortfall = shortfalls.TryGetValue(c.Action, out var s) ? s : null;

            // A block that could not train the action speaks for it: its status and its note.
            var worst = outcomes.Select(o => o.Report.Adaptation.Candidates.FirstOrDefault(x => x.Action == c.Action))
                .FirstOrDefault(x => x?.Status is "stopped" or "not-run") ?? c;
            return new TrialCandidate(c.Action, worst.Status, metric, shortfall?.Value, shortfall?.Low, shortfall?.High, worst.Note);
        }).ToArray();

        var stopped = outcomes.Select(Stopped).FirstOrDefault(c => c is not null);
        var cut = stopped is null && !complete;
        var status = stopped is not null || cut ? "stopped" : recommended is null ? "not-run" : "decided";
        var why = stopped is not null
            ? $"the {stopped.Action.Name()} candidate was still training when the {Seconds(budget)} budget ran out (decision.trialBudgetSeconds), so the rules decide"
            : cut ? $"the {Seconds(budget)} budget (decision.trialBudgetSeconds) ran out after {outcomes.Count} of {folds} blocks, so the rules decide"
            : recommended is null ? "nothing could be measured on the scored rows" : null;
        return new TrialSection(
            mode,
            status,
            why,
            primary,
            tolerance,
            first.Settings.ToleranceKind,
            budget,
            "time",
            first.Rows.CurrentTrain,
            outcomes.Sum(o => o.Report.Adaptation.Rows.CurrentHoldout),
            candidates,
            status == "decided" ? recommended : null,
            rulesVerdict)
        {
            Folds = folds,
            Credibility = policy.Decision.Credibility.Name(),
        };
    }

    /// <summary>Each action's scored rows over every block, when every block scored it.</summary>
    private static Dictionary<Verdict, MetricRows> Pool(List<AdaptOutcome> outcomes)
    {
        var pooled = new Dictionary<Verdict, MetricRows>();
        foreach (var action in outcomes[0].Evidence.Keys)
        {
            if (outcomes.All(o => o.Evidence.ContainsKey(action)))
            {
                pooled[action] = MetricRows.Concat([.. outcomes.Select(o => o.Evidence[action])]);
            }
        }

        return pooled;
    }

    private static double Value(MetricRows rows, string metric) =>
        rows.Compute(null).TryGetValue(metric, out var value) ? value : double.NaN;

    private static string Seconds(double? budget) => budget is { } b ? b.ToString("0.#", Invariant) + " s" : "time";
}
