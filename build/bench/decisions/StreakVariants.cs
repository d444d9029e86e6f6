using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Decisions;

/// <summary>
/// Tests the fine-tune-streak rule's premise (fine-tunes pile up error, so a retrain does better) on
/// streaks made several ways: each variant's check runs with the old limit of 3 and with the default,
/// and the table counts how often the rule fired and how often the oracle said retrain.
/// </summary>
internal static class StreakVariants
{
    public const int OldLimit = 3;

    public static int Run(string folder, int seeds)
    {
        Directory.CreateDirectory(folder);
        var oldPolicy = Path.Combine(folder, "streak-limit-3.json");
        File.WriteAllText(oldPolicy, $"{{ \"rules\": {{ \"fineTuneStreak\": {{ \"maxFineTunes\": {OldLimit} }} }} }}\n");

        Console.WriteLine($"| variant | fine-tunes | oracle / check with limit {OldLimit} / check with the default, seeds 0..{seeds - 1} | limit {OldLimit} fired | oracle said retrain |");
        Console.WriteLine("|---|---:|---|---:|---:|");
        var variants = Scenario.StreakVariants();
        int fired = 0, rightWhenFired = 0;
        for (var i = 0; i < variants.Count; i++)
        {
            var runs = Enumerable.Range(0, seeds)
                .Select(s => DecisionBenchmark.Run(variants[i], Path.Combine(folder, $"{variants[i].Name}-{s}"), DecisionBenchmark.SeedOf(20 + i, s), oldPolicy))
                .ToArray();
            var firedHere = runs.Where(r => r.OtherPolicy!.Value.Rules.Contains("fine-tune-streak")).ToArray();
            fired += firedHere.Length;
            rightWhenFired += firedHere.Count(r => r.Oracle == Verdict.Retrain);
            var cells = runs.Select(r => $"{r.Oracle.Name()} / {r.OtherPolicy!.Value.Verdict.Name()} / {r.Verdict.Name()}");
            Console.WriteLine($"| {variants[i].Name} | {variants[i].History!.Count} | {string.Join("; ", cells)} | {firedHere.Length} of {runs.Length} | {firedHere.Count(r => r.Oracle == Verdict.Retrain)} of {firedHere.Length} |");
        }

        Console.WriteLine();
        Console.WriteLine($"With the limit of {OldLimit}, fine-tune-streak fired {fired} times; the oracle's answer was retrain in {rightWhenFired} of them.");
        return 0;
    }
}
