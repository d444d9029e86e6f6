using System.Globalization;
using AdaptGate.Bench.Decisions;
using AdaptGate.Core.Decision;

// dotnet run --project build/bench/decisions -c Release [-- --seeds N] [--out FOLDER] [--only NAME]
// Runs every scenario (seed 0, then seeds 1..N-1 for the robustness table), prints one line per
// scenario, the confusion table (oracle × verdict) of seed 0 and the agreement. Exit 1 below 8 of 9.
// --only runs one scenario (to study it; the exit code then says whether it agrees).
// --real runs the real-data splits instead (elec2 and car loans from the shared data folder, --data DIR);
// --policy FILE checks them with that policy instead of the defaults (to measure a variant).
// --decomposition-cost [--rows N] times the covariate / concept decomposition beside the whole check (1M rows).
// --decomposition-cap [--rows N] compares the decomposition's estimates fitted on samples of the reference with the fit on every row.
// --streak-variants runs the streak variants instead (docs/decisions.md): each check twice, with the
// old streak limit of 3 and with the defaults, against the oracle.
var seeds = Option("--seeds") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1;
var folder = Option("--out") ?? Path.Combine(Path.GetTempPath(), "adaptgate-decisions");
var invariant = CultureInfo.InvariantCulture;
var all = Scenario.All();
var scenarios = all.Where(s => Option("--only") is not { } only || s.Name == only).ToArray();
if (args.Contains("--real"))
{
    return AdaptGate.Bench.Decisions.RealData.RealDataset.Locate(Option("--data")) is { } data
        ? AdaptGate.Bench.Decisions.RealData.RealBenchmark.Run(data, Path.Combine(folder, "real"), seeds, Option("--only"), Option("--policy"))
        : Missing();
}

if (args.Contains("--decomposition-cost"))
{
    return AdaptGate.Bench.Decisions.DecompositionCost.Run(Option("--rows") is { } rows ? int.Parse(rows, CultureInfo.InvariantCulture) : 1_000_000);
}

if (args.Contains("--decomposition-cap"))
{
    return AdaptGate.Bench.Decisions.DecompositionCap.Run(Option("--rows") is { } capRows ? int.Parse(capRows, CultureInfo.InvariantCulture) : 1_000_000);
}

if (args.Contains("--streak-variants"))
{
    return StreakVariants.Run(folder, seeds);
}

var outcomes = new List<ScenarioOutcome>();
Console.WriteLine("| scenario | auc skip | auc fine-tune | auc retrain | oracle | check (default policy) | check's drop | drift share | rules | agree |");
Console.WriteLine("|---|---:|---:|---:|---|---|---:|---:|---|---|");
for (var i = 0; i < scenarios.Length; i++)
{
    var outcome = DecisionBenchmark.Run(scenarios[i], Path.Combine(folder, scenarios[i].Name), DecisionBenchmark.SeedOf(IndexOf(scenarios[i]), 0));
    outcomes.Add(outcome);
    Console.WriteLine(string.Create(invariant,
        $"| {outcome.Scenario.Name} | {outcome.Skip:0.0000} | {outcome.FineTune:0.0000} | {outcome.Retrain:0.0000} | {outcome.Oracle.Name()} | {outcome.Verdict.Name()} | {Drop(outcome)} | {outcome.DriftShare:0.00} | {string.Join(", ", outcome.Rules)} | {(outcome.Agrees ? "yes" : "**no**")} |"));
}

Console.WriteLine();
Console.WriteLine("| oracle \\ check | skip | fine-tune | retrain |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var oracle in Enum.GetValues<Verdict>())
{
    var counts = Enum.GetValues<Verdict>().Select(v => outcomes.Count(o => o.Oracle == oracle && o.Verdict == v));
    Console.WriteLine($"| {oracle.Name()} | {string.Join(" | ", counts)} |");
}

var agree = outcomes.Count(o => o.Agrees);
Console.WriteLine();
Console.WriteLine($"Agreement (seed 0): {agree} of {outcomes.Count}.");

if (seeds > 1)
{
    Console.WriteLine();
    Console.WriteLine($"| scenario | oracle / check (check's drop), seeds 0..{seeds - 1} | agree |");
    Console.WriteLine("|---|---|---:|");
    var total = 0;
    for (var i = 0; i < scenarios.Length; i++)
    {
        var runs = new List<ScenarioOutcome> { outcomes[i] };
        for (var s = 1; s < seeds; s++)
        {
            runs.Add(DecisionBenchmark.Run(scenarios[i], Path.Combine(folder, $"{scenarios[i].Name}-{s}"), DecisionBenchmark.SeedOf(IndexOf(scenarios[i]), s)));
        }

        total += runs.Count(r => r.Agrees);
        Console.WriteLine($"| {scenarios[i].Name} | {string.Join("; ", runs.Select(r => $"{r.Oracle.Name()} / {r.Verdict.Name()} ({Drop(r)})"))} | {runs.Count(r => r.Agrees)} of {runs.Count} |");
    }

    Console.WriteLine();
    Console.WriteLine($"Agreement over {seeds} seeds: {total} of {scenarios.Length * seeds}.");
}

return agree >= outcomes.Count - 1 ? 0 : 1;

// Seeds follow a scenario's place in the full list, so --only reproduces the full run's rows.
int IndexOf(Scenario scenario) => all.ToList().FindIndex(s => s.Name == scenario.Name);

string Drop(ScenarioOutcome outcome) => outcome.Drop is { } d ? d.ToString("0.000", invariant) : "-";

static int Missing()
{
    Console.Error.WriteLine("The real-data benchmark reads shared/data (elec2, nannyml-car-loan): pass --data DIR or set ADAPTGATE_SHARED_DATA.");
    return 2;
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
