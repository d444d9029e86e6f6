using System.Globalization;
using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// The real-data decision benchmark (docs/decisions.md): for each split, train the deployed model on the
/// reference, store its predictions in both files, run <c>adaptgate check</c> with the default policy on the
/// reference and the first 60% of the current rows, once with the model (so its trial decides) and once with the
/// stored predictions alone (the rules decide), and measure the oracle by carrying out skip, fine-tune and
/// retrain (<c>adaptgate adapt --action compare</c>, trained on those 60%, scored on the last 40%).
/// </summary>
internal static class RealBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string data, string folder, int seeds, string? only, string? policy = null)
    {
        var tables = new Dictionary<string, RealTable>();
        RealTable Source(RealDataset d)
        {
            var key = d.Prepare is null ? d.File : $"{d.File} as {d.Name}";
            return tables.TryGetValue(key, out var t) ? t : tables[key] = d.Prepare is { } prepare ? prepare(RealTable.Load(Path.Combine(data, d.File))) : RealTable.Load(Path.Combine(data, d.File));
        }

        var outcomes = new List<RealOutcome>();
        Directory.CreateDirectory(folder);
        // Flushed line by line, so a run stopped early still leaves whole lines to study.
        using var lines = new StreamWriter(Path.Combine(folder, "outcomes.jsonl")) { AutoFlush = true };
        Console.WriteLine("| split | seed | skip | fine-tune | retrain | oracle | check | agree | rules alone | check's drop | covariate | concept | drift share | rules fired |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|---|---|---:|---:|---:|---:|---|");
        for (var seed = 0; seed < seeds; seed++)
        {
            foreach (var split in RealSplit.All(seed).Where(s => only is null || s.Name.StartsWith(only, StringComparison.Ordinal)))
            {
                var outcome = RunSplit(split, seed, Source(split.Dataset), Source(split.CurrentSource), Path.Combine(folder, $"{split.Name}-s{seed}"), policy);
                outcomes.Add(outcome);
                Console.WriteLine(Row(outcome));
                lines.WriteLine(Line(outcome));
            }
        }

        PrintSummary(outcomes);
        return 0;
    }

    /// <param name="policy">A policy file for both checks (to measure a variant of the defaults); null: the defaults.</param>
    public static RealOutcome RunSplit(RealSplit split, int seed, RealTable referenceSource, RealTable currentSource, string folder, string? policy = null)
    {
        Directory.CreateDirectory(folder);
        var file = (string name) => Path.Combine(folder, name);
        var dataset = split.Dataset;
        string[] columns = [.. dataset.Features, dataset.Label, .. dataset.Extra];
        var reference = referenceSource.Select(split.Reference, columns);
        var adaptRows = (int)Math.Round(split.Current.Length * RealSplit.AdaptShare);
        var current = currentSource.Select(split.Current.Take(adaptRows), columns);
        var future = currentSource.Select(split.Current.Skip(adaptRows), columns);

        var model = file("model.zip");
        var (referencePredictions, currentPredictions) = RealModel.TrainAndPredict(dataset, reference, current, model, folder);
        var names = RealModel.PredictionColumns(dataset.Task);
        var referencePath = reference.With(names, referencePredictions).Write(file("reference.csv"));
        var scored = current.With(names, currentPredictions);
        var currentPath = scored.Write(file("current.csv"));
        var futurePath = future.Write(file("future.csv"));

        var request = new CheckRequest
        {
            ReferencePath = referencePath, CurrentPath = currentPath, LabelColumn = dataset.Label, PredictionColumn = RealModel.Prediction,
            ProbabilityColumn = dataset.Task switch { RealTask.Binary => RealModel.Probability, RealTask.Multiclass => RealModel.ClassProbabilityPrefix + "*", _ => null },
            RecordHistory = false,
            PolicyPath = policy,
        };
        var recipe = RealModel.WriteRecipe(dataset, file("recipe.json"));
        var rules = CheckRunner.Run(request);
        var check = CheckRunner.Run(request with { ModelPath = model, RecipePath = recipe });

        // The label-free estimate: the same current rows with their labels held back.
        var estimated = dataset.Task == RealTask.Regression ? null : CheckRunner.Run(request with
        {
            CurrentPath = scored.Select(Enumerable.Range(0, scored.Count), [.. scored.Header.Where(h => h != dataset.Label)]).Write(file("current-unlabeled.csv")),
        });

        // The oracle: adapt on the rows the check saw, score on the future rows.
        var oracle = Measure(dataset, model, recipe, referencePath, currentPath, futurePath, seed);
        return new RealOutcome(split, seed, oracle, check, rules) { Estimated = estimated };
    }

    /// <summary>skip, fine-tune and retrain (the recipe's whole pipeline refitted) carried out on <paramref name="trainPath"/> and scored on <paramref name="scorePath"/>.</summary>
    private static RealOracle Measure(RealDataset dataset, string model, string recipe, string referencePath, string trainPath, string scorePath, int seed)
    {
        var outcome = AdaptRunner.Outcome(new AdaptRequest
        {
            ModelPath = model, RecipePath = recipe, ReferencePath = referencePath, CurrentPath = trainPath, ValidationPath = scorePath, LabelColumn = dataset.Label,
            Action = AdaptAction.Compare, Holdout = 0, RecordHistory = false,
        });
        var measured = outcome.Report.Adaptation;
        double Metric(Verdict action) => measured.Candidates.Single(c => c.Action == action).Current ?? double.NaN;
        var oracle = new RealOracle(dataset.Task, Metric(Verdict.Skip), Metric(Verdict.FineTune), Metric(Verdict.Retrain));
        return oracle with
        {
            Stability = OracleStability.Measure(oracle, measured.Primary, outcome.Evidence, seed),
            HalvesAgree = OracleStability.HalvesAgree(dataset.Task, measured.Primary, outcome.Evidence),
        };
    }

    private static string Row(RealOutcome o)
    {
        var oracle = o.Oracle.Answer.Name() + (o.Oracle.Ambiguous ? " (or " + string.Join(", ", Enum.GetValues<Verdict>().Where(v => v != o.Oracle.Answer && o.Oracle.Accepts(v)).Select(v => v.Name())) + ")" : string.Empty);
        var drop = o.Rules.Metrics is { } m ? (m.DropKind == "relative" ? m.Drop.ToString("+0.0%;-0.0%", Invariant) : m.Drop.ToString("+0.0000;-0.0000", Invariant)) : "-";
        return string.Create(Invariant,
            $"| {o.Split.Name} | {o.Seed} | {o.Oracle.Skip:0.0000} | {o.Oracle.FineTune:0.0000} | {o.Oracle.Retrain:0.0000} | {oracle} | {o.Verdict.Name()}{Trial(o)} | {(o.Agrees ? "yes" : "**no**")} | {o.Rules.Verdict.Name()}{(o.Oracle.Accepts(o.Rules.Verdict) ? string.Empty : " ✗")} | {drop} | {Part(o.Rules.Metrics?.Decomposition?.Covariate)} | {Part(o.Rules.Metrics?.Decomposition?.Concept)} | {o.Rules.Drift.Share:0.00} | {string.Join(", ", o.Rules.Reasons.Select(r => r.Rule))} |");
    }

    /// <summary>One outcome as a JSON line (folder/outcomes.jsonl), for studying rule variants offline against the same measurements.</summary>
    private static string Line(RealOutcome o) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["split"] = o.Split.Name,
        ["dataset"] = o.Split.Dataset.Name,
        ["seed"] = o.Seed,
        ["task"] = o.Oracle.Task.ToString(),
        ["oracle"] = new Dictionary<string, double> { ["skip"] = o.Oracle.Skip, ["fine-tune"] = o.Oracle.FineTune, ["retrain"] = o.Oracle.Retrain },
        ["answer"] = o.Oracle.Answer.Name(),
        ["accepts"] = Enum.GetValues<Verdict>().Where(o.Oracle.Accepts).Select(v => v.Name()).ToArray(),
        ["check"] = o.Verdict.Name(),
        ["rules"] = o.Rules.Verdict.Name(),
        ["reasons"] = o.Rules.Reasons.Select(r => r.Rule).ToArray(),
        ["drop"] = o.Rules.Metrics?.Drop,
        ["dropLow"] = o.Rules.Metrics?.DropLow,
        ["dropHigh"] = o.Rules.Metrics?.DropHigh,
        ["concept"] = o.Rules.Metrics?.Decomposition?.Concept is { } c ? new[] { c.Value, c.Low, c.High } : null,
        ["covariate"] = o.Rules.Metrics?.Decomposition?.Covariate is { } v ? new[] { v.Value, v.Low, v.High } : null,
        ["driftShare"] = o.Rules.Drift.Share,
        ["stability"] = o.Oracle.Stability,
        ["halvesAgree"] = o.Oracle.HalvesAgree,
        ["trial"] = o.Check.Trial?.Candidates.Select(t => new Dictionary<string, object?>
        {
            ["action"] = t.Action.Name(), ["metric"] = t.Metric, ["shortfall"] = t.Shortfall, ["low"] = t.ShortfallLow, ["high"] = t.ShortfallHigh,
        }).ToArray(),
    });

    private static string Trial(RealOutcome o) => o.Check.Trial is { Status: not "decided" } t ? $" (trial {t.Status})" : string.Empty;

    private static string Part(Core.Reports.PartOfDrop? part) =>
        part is { } p ? string.Create(Invariant, $"{p.Value:+0.000;-0.000;0.000} [{p.Low:+0.000;-0.000;0.000}, {p.High:+0.000;-0.000;0.000}]") : "-";

    private static void PrintSummary(List<RealOutcome> outcomes)
    {
        Console.WriteLine();
        Console.WriteLine("| oracle \\ check | skip | fine-tune | retrain |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var oracle in Enum.GetValues<Verdict>())
        {
            var counts = Enum.GetValues<Verdict>().Select(v => outcomes.Count(o => o.Oracle.Answer == oracle && o.Verdict == v));
            Console.WriteLine($"| {oracle.Name()} | {string.Join(" | ", counts)} |");
        }

        Console.WriteLine();
        var agree = outcomes.Count(o => o.Agrees);
        var skipRight = outcomes.Where(o => o.Oracle.Answer == Verdict.Skip).ToArray();
        Console.WriteLine(string.Create(Invariant, $"Agreement: {agree} of {outcomes.Count} ({(double)agree / Math.Max(1, outcomes.Count):0%}); ambiguous cases: {outcomes.Count(o => o.Oracle.Ambiguous)}."));
        Console.WriteLine($"Where skip is right: {skipRight.Count(o => o.Verdict == Verdict.Skip)} of {skipRight.Length} kept skip.");
        Console.WriteLine($"The rules alone (stored predictions, no model) agree in {outcomes.Count(o => o.Oracle.Accepts(o.Rules.Verdict))} of {outcomes.Count}; where skip is right they keep skip in {skipRight.Count(o => o.Rules.Verdict == Verdict.Skip)} of {skipRight.Length}.");
        var estimates = outcomes.Where(o => o.Estimated?.Metrics is not null && o.Rules.Metrics is not null).ToArray();
        bool Covers(RealOutcome o) => o.Estimated!.Metrics!.CurrentLow <= o.Rules.Metrics!.Current && o.Rules.Metrics.Current <= o.Estimated.Metrics.CurrentHigh;
        bool NoConcept(RealOutcome o) => o.Rules.Metrics!.Decomposition?.Concept is { } c && c.Low <= 0 && 0 <= c.High;
        var steady = estimates.Where(NoConcept).ToArray();
        Console.WriteLine(string.Create(Invariant,
            $"Label-free estimate: the realized {estimates.FirstOrDefault()?.Rules.Metrics!.Primary ?? "metric"} lies in the estimate's interval in {estimates.Count(Covers)} of {estimates.Length} classification splits; in {steady.Count(Covers)} of {steady.Length} where the concept part's interval holds 0; mean |estimate − realized| {(estimates.Length == 0 ? 0 : estimates.Average(o => Math.Abs(o.Estimated!.Metrics!.Current - o.Rules.Metrics!.Current))):0.0000}."));
        var stable = outcomes.Where(o => o.Oracle.Stability is not null).ToArray();
        Console.WriteLine(string.Create(Invariant,
            $"The oracle's own noise: on {OracleStability.Resamples} resamples of the future in one-day blocks, its answer stands in {(stable.Length == 0 ? 0 : stable.Average(o => o.Oracle.Stability!.Value)):0%} on average over {stable.Length} splits (the most a check that always named the expected answer would agree); {stable.Count(o => o.Oracle.Stability < 0.8)} splits stand in fewer than 80%. The future's two halves name compatible answers in {outcomes.Count(o => o.Oracle.HalvesAgree == true)} of {outcomes.Count(o => o.Oracle.HalvesAgree is not null)}."));
        Console.WriteLine($"The trial decided in {outcomes.Count(o => o.Check.Trial?.Status == "decided")} of {outcomes.Count} checks.");
        foreach (var group in outcomes.GroupBy(o => o.Split.Dataset.Name))
        {
            Console.WriteLine($"  {group.Key}: {group.Count(o => o.Agrees)} of {group.Count()}");
        }
    }
}
