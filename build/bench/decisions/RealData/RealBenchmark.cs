using System.Globalization;
using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// The real-data decision benchmark (docs/decisions.md): for each split, train the deployed model on the
/// reference, store its predictions in both files, run <c>adaptgate check</c> with the default policy on the
/// reference and the first 60% of the current rows, and measure the oracle by carrying out skip, fine-tune and
/// retrain (<c>adaptgate adapt --action compare</c>, trained on those 60%, scored on the last 40%).
/// </summary>
internal static class RealBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string data, string folder, int seeds, string? only)
    {
        var tables = new Dictionary<string, RealTable>();
        RealTable Source(RealDataset d) => tables.TryGetValue(d.File, out var t) ? t : tables[d.File] = RealTable.Load(Path.Combine(data, d.File));

        var outcomes = new List<RealOutcome>();
        Console.WriteLine("| split | seed | skip | fine-tune | retrain | oracle | check | agree | trial | check's drop | covariate | concept | drift share | rules |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|---|---|---:|---:|---:|---:|---|");
        for (var seed = 0; seed < seeds; seed++)
        {
            foreach (var split in RealSplit.All(seed).Where(s => only is null || s.Name.StartsWith(only, StringComparison.Ordinal)))
            {
                var outcome = RunSplit(split, seed, Source(split.Dataset), Source(split.CurrentSource), Path.Combine(folder, $"{split.Name}-s{seed}"));
                outcomes.Add(outcome);
                Console.WriteLine(Row(outcome));
            }
        }

        PrintSummary(outcomes);
        return 0;
    }

    public static RealOutcome RunSplit(RealSplit split, int seed, RealTable referenceSource, RealTable currentSource, string folder)
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
        var currentPath = current.With(names, currentPredictions).Write(file("current.csv"));
        var futurePath = future.Write(file("future.csv"));

        var check = CheckRunner.Run(new CheckRequest
        {
            ReferencePath = referencePath, CurrentPath = currentPath, LabelColumn = dataset.Label, PredictionColumn = RealModel.Prediction,
            ProbabilityColumn = dataset.Task == RealTask.Binary ? RealModel.Probability : null, RecordHistory = false,
        });

        // The oracle: adapt on the rows the check saw, score on the future rows.
        var recipe = RealModel.WriteRecipe(dataset, file("recipe.json"));
        var oracle = Measure(dataset, model, recipe, referencePath, currentPath, futurePath);

        // What a trial on the check's own rows would say: adapt on their first 60%, score on the rest.
        var trialRows = (int)Math.Round(current.Count * RealSplit.AdaptShare);
        var all = Enumerable.Range(0, current.Count).ToArray();
        var trialTrain = current.Select(all.Take(trialRows), current.Header).Write(file("trial-train.csv"));
        var trialScore = current.Select(all.Skip(trialRows), current.Header).Write(file("trial-score.csv"));
        var trial = Measure(dataset, model, recipe, referencePath, trialTrain, trialScore);

        return new RealOutcome(split, seed, oracle, check) { Trial = trial.Answer };
    }

    /// <summary>skip, fine-tune and retrain (the recipe's whole pipeline refitted) carried out on <paramref name="trainPath"/> and scored on <paramref name="scorePath"/>.</summary>
    private static RealOracle Measure(RealDataset dataset, string model, string recipe, string referencePath, string trainPath, string scorePath)
    {
        var measured = AdaptRunner.Run(new AdaptRequest
        {
            ModelPath = model, RecipePath = recipe, ReferencePath = referencePath, CurrentPath = trainPath, ValidationPath = scorePath, LabelColumn = dataset.Label,
            Action = AdaptAction.Compare, Holdout = 0, RecordHistory = false,
        }).Adaptation;
        double Metric(Verdict action) => measured.Candidates.Single(c => c.Action == action).Current ?? double.NaN;
        return new RealOracle(dataset.Task, Metric(Verdict.Skip), Metric(Verdict.FineTune), Metric(Verdict.Retrain));
    }

    private static string Row(RealOutcome o)
    {
        var oracle = o.Oracle.Answer.Name() + (o.Oracle.Ambiguous ? " (or " + string.Join(", ", Enum.GetValues<Verdict>().Where(v => v != o.Oracle.Answer && o.Oracle.Accepts(v)).Select(v => v.Name())) + ")" : string.Empty);
        var drop = o.Check.Metrics is { } m ? (m.DropKind == "relative" ? m.Drop.ToString("+0.0%;-0.0%", Invariant) : m.Drop.ToString("+0.0000;-0.0000", Invariant)) : "-";
        return string.Create(Invariant,
            $"| {o.Split.Name} | {o.Seed} | {o.Oracle.Skip:0.0000} | {o.Oracle.FineTune:0.0000} | {o.Oracle.Retrain:0.0000} | {oracle} | {o.Verdict.Name()} | {(o.Agrees ? "yes" : "**no**")} | {o.Trial.Name()}{(o.Oracle.Accepts(o.Trial) ? string.Empty : " ✗")} | {drop} | {Part(o.Check.Metrics?.Decomposition?.Covariate)} | {Part(o.Check.Metrics?.Decomposition?.Concept)} | {o.Check.Drift.Share:0.00} | {string.Join(", ", o.Check.Reasons.Select(r => r.Rule))} |");
    }

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
        Console.WriteLine($"A trial on the check's rows agrees in {outcomes.Count(o => o.Oracle.Accepts(o.Trial))} of {outcomes.Count}; where skip is right it says skip in {skipRight.Count(o => o.Trial == Verdict.Skip)} of {skipRight.Length}.");
        foreach (var group in outcomes.GroupBy(o => o.Split.Dataset.Name))
        {
            Console.WriteLine($"  {group.Key}: {group.Count(o => o.Agrees)} of {group.Count()}");
        }
    }
}
