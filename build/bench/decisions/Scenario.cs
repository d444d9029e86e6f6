namespace AdaptGate.Bench.Decisions;

/// <summary>
/// One benchmark case: the world the reference came from, the world the current data comes from,
/// and how much of each there is. The right action is not written here: the oracle measures it.
/// </summary>
/// <param name="Name">Short name, as the table prints it.</param>
/// <param name="Story">What changed, in words.</param>
/// <param name="RemovedColumn">A feature the current data no longer has (schema change).</param>
/// <param name="History">Batches the model was fine-tuned on (with adaptgate adapt) before this check, oldest first.</param>
public sealed record Scenario(
    string Name,
    string Story,
    World Reference,
    World Current,
    int ReferenceRows = 4000,
    int CurrentRows = 10000,
    string? RemovedColumn = null,
    IReadOnlyList<(World World, int Rows)>? History = null)
{
    /// <summary>Rows of fresh current data the oracle measures on (never trained on).</summary>
    public int FreshRows { get; init; } = 20000;

    /// <summary>The family of the model trained on the reference.</summary>
    public ScenarioTrainer Trainer { get; init; } = ScenarioTrainer.LogisticRegression;

    /// <summary>The nine scenarios of docs/decisions.md.</summary>
    public static IReadOnlyList<Scenario> All()
    {
        var world = new World();
        return
        [
            new("no-drift", "current data from the reference's own distribution", world, world),
            new("small-noise", "measurement noise (sd 0.15) on every feature", world, world with { Noise = 0.15 }),
            new("mild-covariate-shift", "x1's mean moves by 0.3 sd; the concept holds", world, world with { Means = [0.3, 0, 0, 0] }),
            new("strong-covariate-shift", "x1, x2, x3 move by 1.5, 1.5, 1 sd and the segments re-mix; the concept holds", world,
                world with { Means = [1.5, 1.5, 1.0, 0], SegmentShares = [0.15, 0.35, 0.5] }),
            new("label-shift", "positives fall from about half to 20%; the concept holds", world, world with { PositiveShare = 0.2 }),
            new("concept-drift", "the hyperplane turns by 30 degrees in (x1, x2) and the threshold moves (SEA-style)", world,
                world.Rotated(30) with { Bias = 0.5 }),
            new("schema-change", "x1, the strongest feature, is no longer collected", world, world, RemovedColumn: "X1"),
            new("little-data-shift", "200 new rows, x1 and x2 moved by 0.5 sd; the concept holds", world,
                world with { Means = [0.5, 0.5, 0, 0] }, CurrentRows: 200),
            new("fine-tune-streak", "three fine-tunes on 150-row batches of a slowly turning concept, then a fourth batch", world,
                world.Rotated(20), CurrentRows: 1000,
                History: [(world.Rotated(5), 150), (world.Rotated(10), 150), (world.Rotated(15), 150)]),
        ];
    }

    /// <summary>
    /// Streaks of fine-tunes made other ways than fine-tune-streak's, to test the streak rule's own premise
    /// (fine-tunes pile up error, so a retrain does better): docs/decisions.md, "The streak variants".
    /// </summary>
    public static IReadOnlyList<Scenario> StreakVariants()
    {
        var world = new World();
        (World, int)[] turning = [.. Enumerable.Range(1, 6).Select(k => (world.Rotated(5 * k), 500))];
        (World, int)[] biased =
        [
            (world with { Means = [1.5, 0, 0, 0] }, 150), (world with { Means = [0, -1.5, 0, 0] }, 150),
            (world with { SegmentShares = [0, 0, 1] }, 150), (world with { Means = [-1.5, 1.5, 0, 0] }, 150),
        ];
        return
        [
            new("gradual-500", "six fine-tunes on 500-row batches turning 5 degrees each; the current batch at 35 degrees", world,
                world.Rotated(35), History: turning),
            new("gradual-ten", "ten fine-tunes on 500-row batches turning 3 degrees each; the current batch at 33 degrees", world,
                world.Rotated(33), History: [.. Enumerable.Range(1, 10).Select(k => (world.Rotated(3 * k), 500))]),
            new("sudden-after-gradual", "the six gradual fine-tunes, then the current batch jumps to 60 degrees", world,
                world.Rotated(60), History: turning),
            new("there-and-back", "fine-tunes at 20, 40 and 20 degrees; the current batch back at the reference's concept", world,
                world, History: [(world.Rotated(20), 500), (world.Rotated(40), 500), (world.Rotated(20), 500)]),
            new("biased-batches", "four fine-tunes on small batches from one corner each (x1 or x2 moved 1.5 sd, one segment); the concept never changed",
                world, world, CurrentRows: 1000, History: biased),
            new("biased-batches-perceptron", "the same with an averaged perceptron, whose fine-tune is one epoch", world, world,
                CurrentRows: 1000, History: biased) { Trainer = ScenarioTrainer.AveragedPerceptron },
        ];
    }
}
