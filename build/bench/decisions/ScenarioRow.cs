namespace AdaptGate.Bench.Decisions;

/// <summary>One generated row: four numeric features, a segment, and the binary label.</summary>
public sealed class ScenarioRow
{
    public float X1 { get; set; }

    public float X2 { get; set; }

    public float X3 { get; set; }

    public float X4 { get; set; }

    public string Segment { get; set; } = string.Empty;

    public bool Label { get; set; }
}
