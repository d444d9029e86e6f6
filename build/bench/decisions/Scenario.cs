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
}
