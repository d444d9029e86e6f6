namespace AdaptGate.Bench.Decisions;

/// <summary>
/// One data-generating process: feature distributions (the covariates) and the concept that labels
/// them. The label is drawn from sigmoid(f(x)), f(x) = w·x + interaction·x1·x2 + segment offset + bias:
/// a mostly linear concept with a mild interaction, so a linear model fits it well where it was
/// trained and less well far from there (what makes a strong covariate shift hurt).
/// </summary>
public sealed record World
{
    public double[] Means { get; init; } = [0, 0, 0, 0];

    public double[] Scales { get; init; } = [1, 1, 1, 1];

    public double[] SegmentShares { get; init; } = [0.4, 0.35, 0.25];

    public double[] Weights { get; init; } = [1.5, -1.0, 0.8, 0.5];

    public double Interaction { get; init; } = 0.4;

    /// <summary>Correlation of x3 with x1 (before means and scales): real features overlap, so a lost one is partly recoverable.</summary>
    public double Correlation { get; init; } = 0.7;

    public double[] SegmentOffsets { get; init; } = [0.5, 0, -0.5];

    public double Bias { get; init; }

    /// <summary>Measurement noise added to the observed features (not to what labels them).</summary>
    public double Noise { get; init; }

    /// <summary>Share of positive rows to keep by rejection (prior shift); null keeps the concept's own.</summary>
    public double? PositiveShare { get; init; }

    public static readonly string[] Segments = ["a", "b", "c"];

    /// <summary>The same world with the (x1, x2) weights turned by <paramref name="degrees"/>: a rotating hyperplane.</summary>
    public World Rotated(double degrees)
    {
        var t = degrees * Math.PI / 180;
        var (w1, w2) = (Weights[0], Weights[1]);
        return this with { Weights = [(w1 * Math.Cos(t)) - (w2 * Math.Sin(t)), (w1 * Math.Sin(t)) + (w2 * Math.Cos(t)), Weights[2], Weights[3]] };
    }

    public ScenarioRow[] Sample(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new List<ScenarioRow>(rows);
        while (data.Count < rows)
        {
            var x = new double[4];
            for (var j = 0; j < 4; j++)
            {
                x[j] = Gaussian(random);
            }

            x[2] = (Correlation * x[0]) + (Math.Sqrt(1 - (Correlation * Correlation)) * x[2]);
            for (var j = 0; j < 4; j++)
            {
                x[j] = Means[j] + (Scales[j] * x[j]);
            }

            var segment = Pick(random, SegmentShares);
            var f = Bias + SegmentOffsets[segment] + (Interaction * x[0] * x[1]);
            for (var j = 0; j < 4; j++)
            {
                f += Weights[j] * x[j];
            }

            var label = random.NextDouble() < 1 / (1 + Math.Exp(-f));
            if (PositiveShare is { } share && !Keep(random, label, share))
            {
                continue;
            }

            data.Add(new ScenarioRow
            {
                X1 = Observe(x[0], random),
                X2 = Observe(x[1], random),
                X3 = Observe(x[2], random),
                X4 = Observe(x[3], random),
                Segment = Segments[segment],
                Label = label,
            });
        }

        return [.. data];
    }

    /// <summary>Rejection that turns the concept's roughly even classes into the wanted positive share.</summary>
    private static bool Keep(Random random, bool positive, double share) =>
        share >= 0.5
            ? positive || random.NextDouble() < (1 - share) / share
            : !positive || random.NextDouble() < share / (1 - share);

    private float Observe(double value, Random random) =>
        (float)Math.Round(value + (Noise > 0 ? Noise * Gaussian(random) : 0), 4);

    private static int Pick(Random random, double[] shares)
    {
        var u = random.NextDouble() * shares.Sum();
        for (var i = 0; i < shares.Length; i++)
        {
            u -= shares[i];
            if (u < 0)
            {
                return i;
            }
        }

        return shares.Length - 1;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
