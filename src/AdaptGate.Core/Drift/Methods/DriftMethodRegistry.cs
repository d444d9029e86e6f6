using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Drift.Methods;

/// <summary>
/// The drift methods, each declared once. A new method is its computation in its own file, an entry in the
/// <see cref="DriftMethod"/> enum and one registration here, a threshold key in <c>DriftThresholds</c>, and its SciPy
/// fixture; the tests then name every document (schema, docs/policy.md, docs/cli.md) that still lacks it.
/// </summary>
public static class DriftMethodRegistry
{
    /// <summary>The Jensen-Shannon distance with the natural log is at most √ln 2: a larger threshold could never fire.</summary>
    public static readonly double JensenShannonMax = Math.Sqrt(Math.Log(2));

    public static DriftMethodDefinition Ks { get; } = new()
    {
        Method = DriftMethod.Ks,
        Name = "ks",
        PolicyKey = "ks",
        AppliesToNumeric = true,
        AppliesToCategorical = false,
        ScoreKind = DriftScoreKind.PValue,
        DefaultThreshold = 0.05,
        ThresholdHint = PValueHint,
        PolicyThreshold = t => t.Ks,
        Needs = DriftInput.Values,
        ValuesScore = (reference, current) =>
        {
            var (d, p) = KolmogorovSmirnov.TwoSample(reference.Sorted, current.Sorted);
            return new DriftScore(d, p);
        },
        SketchScore = (reference, current) =>
        {
            var (a, b) = (WeightedSample.Of(reference), WeightedSample.Of(current));
            var d = SketchDistances.KsStatistic(a, b);
            return new ApproximateScore(new DriftScore(d, KolmogorovSmirnov.AsymptoticPValue(checked((int)a.Total), checked((int)b.Total), d)), a.RankError + b.RankError);
        },
    };

    public static DriftMethodDefinition ChiSquare { get; } = new()
    {
        Method = DriftMethod.ChiSquare,
        Name = "chisquare",
        PolicyKey = "chiSquare",
        AppliesToNumeric = false,
        AppliesToCategorical = true,
        ScoreKind = DriftScoreKind.PValue,
        DefaultThreshold = 0.05,
        ThresholdHint = PValueHint,
        PolicyThreshold = t => t.ChiSquare,
        Needs = DriftInput.BinCounts,
        CountsScore = (reference, current) =>
        {
            var (statistic, p, _) = ChiSquareTest.Homogeneity(reference, current);
            return new DriftScore(statistic, p);
        },
    };

    public static DriftMethodDefinition Psi { get; } = new()
    {
        Method = DriftMethod.Psi,
        Name = "psi",
        PolicyKey = "psi",
        AppliesToNumeric = true,
        AppliesToCategorical = true,
        ScoreKind = DriftScoreKind.Distance,
        DefaultThreshold = 0.1,
        ThresholdHint = "It is the PSI at or above which a column drifts (0.1 by default; 0.25 is a common 'major shift').",
        PolicyThreshold = t => t.Psi,
        Needs = DriftInput.BinCounts,
        CountsScore = (reference, current) => new DriftScore(PopulationStabilityIndex.FromCounts(reference, current), null),
    };

    public static DriftMethodDefinition Wasserstein { get; } = new()
    {
        Method = DriftMethod.Wasserstein,
        Name = "wasserstein",
        PolicyKey = "wasserstein",
        AppliesToNumeric = true,
        AppliesToCategorical = false,
        ScoreKind = DriftScoreKind.Distance,
        DefaultThreshold = 0.1,
        ThresholdHint = "It is the distance, in reference standard deviations, at or above which a column drifts (0.1 by default).",
        PolicyThreshold = t => t.Wasserstein,
        Needs = DriftInput.Values,
        ValuesScore = (reference, current) => new DriftScore(WassersteinDistance.Normalized(reference.Sorted, current.Sorted), null),
        ConstantReferenceScore = (reference, current) => WassersteinDistance.NormalizedByPooled(reference.Sorted, current.Sorted),
        SketchScore = (reference, current) =>
        {
            var (a, b) = (WeightedSample.Of(reference), WeightedSample.Of(current));
            var scale = reference.Moments!.StandardDeviation;
            var range = Math.Max(reference.Moments.Max, current.Moments!.Max) - Math.Min(reference.Moments.Min, current.Moments.Min);
            return new ApproximateScore(new DriftScore(SketchDistances.Wasserstein(a, b) / scale, null), (a.RankError + b.RankError) * range / scale);
        },
    };

    public static DriftMethodDefinition JensenShannon { get; } = new()
    {
        Method = DriftMethod.JensenShannon,
        Name = "jensenshannon",
        PolicyKey = "jensenShannon",
        AppliesToNumeric = true,
        AppliesToCategorical = true,
        ScoreKind = DriftScoreKind.Distance,
        DefaultThreshold = 0.1,
        MaxThreshold = JensenShannonMax,
        ThresholdHint = "The Jensen-Shannon distance (natural log) is at most √ln 2 ≈ 0.8326, so a larger threshold could never fire (0.1 by default).",
        PolicyThreshold = t => t.JensenShannon,
        Needs = DriftInput.BinCounts,
        CountsScore = (reference, current) => new DriftScore(JensenShannonDistance.FromCounts(reference, current), null),
    };

    /// <summary>Every method, in the order the command line, the policy and the docs list them.</summary>
    public static IReadOnlyList<DriftMethodDefinition> All { get; } = [Ks, ChiSquare, Psi, Wasserstein, JensenShannon];

    private const string PValueHint = "It is a p-value: a column drifts when its test's p-value is below it (0.05 by default).";

    /// <summary>The definition of a method; <see cref="DriftMethod.Auto"/> is a choice among them, not a method, and throws.</summary>
    public static DriftMethodDefinition Get(DriftMethod method)
    {
        foreach (var definition in All)
        {
            if (definition.Method == method)
            {
                return definition;
            }
        }

        throw new ArgumentException($"Method '{DriftMethods.Name(method)}' has no threshold; resolve it first.", nameof(method));
    }
}
