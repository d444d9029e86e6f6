using AdaptGate.Core.Policy;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Drift.Methods;

/// <summary>Whether a method's threshold is a p-value (drifted when p &lt; threshold) or a distance (drifted when score &gt;= threshold).</summary>
public enum DriftScoreKind
{
    PValue,
    Distance,
}

/// <summary>What a method reads from the two column summaries.</summary>
public enum DriftInput
{
    /// <summary>The two samples' values (sorted), or their quantile sketches when the values were not kept.</summary>
    Values,

    /// <summary>Counts over one set of bins: the reference's decile bins for a numeric column, the union of categories otherwise.</summary>
    BinCounts,
}

/// <summary>A statistic and, for the tests, its p-value.</summary>
public readonly record struct DriftScore(double Score, double? PValue);

/// <summary>A score computed from sketches, within <paramref name="Bound"/> of the score the exact values would give.</summary>
public readonly record struct ApproximateScore(DriftScore Score, double Bound);

/// <summary>
/// Everything AdaptGate knows about one drift method, in one place (<see cref="DriftMethodRegistry"/>): the name the
/// policy, the command line and the report use, the column kinds it applies to, its default threshold and what the
/// threshold means, the policy key holding it, what the method reads and how it computes. The command line's choices,
/// the policy validator, <c>explain</c>, docs/adaptgate.schema.json and docs/policy.md are read from or tested against it.
/// </summary>
public sealed record DriftMethodDefinition
{
    public required DriftMethod Method { get; init; }

    /// <summary>The lower-case name in the policy, on the command line and in the report.</summary>
    public required string Name { get; init; }

    /// <summary>The key under <c>drift.thresholds</c> in the policy file.</summary>
    public required string PolicyKey { get; init; }

    public required bool AppliesToNumeric { get; init; }

    /// <summary>Categorical and boolean columns.</summary>
    public required bool AppliesToCategorical { get; init; }

    public required DriftScoreKind ScoreKind { get; init; }

    public required double DefaultThreshold { get; init; }

    /// <summary>The largest threshold that could still fire (inclusive), for distances bounded above; p-values are below 1.</summary>
    public double? MaxThreshold { get; init; }

    /// <summary>Why the threshold has its range, for the policy validator's message.</summary>
    public required string ThresholdHint { get; init; }

    /// <summary>The policy's threshold of this method.</summary>
    public required Func<DriftThresholds, double> PolicyThreshold { get; init; }

    public required DriftInput Needs { get; init; }

    /// <summary>For <see cref="DriftInput.Values"/>: the score of two sorted, NaN-free, non-empty samples.</summary>
    public Func<NumericSummary, NumericSummary, DriftScore>? ValuesScore { get; init; }

    /// <summary>
    /// For <see cref="DriftInput.Values"/>, when a summary holds a sketch instead of its values: the score from the
    /// sketches, and how far it may be from the exact score (docs/profiles.md).
    /// </summary>
    public Func<ColumnSummary, ColumnSummary, ApproximateScore>? SketchScore { get; init; }

    /// <summary>For <see cref="DriftInput.BinCounts"/>: the score of two count vectors over the same bins.</summary>
    public Func<long[], long[], DriftScore>? CountsScore { get; init; }

    /// <summary>
    /// For a values method that is a distance: the score of a current sample against a constant reference, which has no
    /// spread of its own (docs/reports.md, "A column constant in the reference"). Null: the method's own test runs, with a note.
    /// </summary>
    public Func<NumericSummary, NumericSummary, double>? ConstantReferenceScore { get; init; }

    public bool Applies(bool numeric) => numeric ? AppliesToNumeric : AppliesToCategorical;

    public bool IsDrifted(DriftScore score, double threshold) => ScoreKind == DriftScoreKind.PValue
        ? score.PValue < threshold
        : score.Score >= threshold;

    /// <summary>The kinds as docs/policy.md lists them.</summary>
    public string KindsText => (AppliesToNumeric, AppliesToCategorical) switch
    {
        (true, true) => "any",
        (true, false) => "numeric",
        _ => "categorical, boolean",
    };

    /// <summary>When a column drifts, as <c>explain</c> prints it: "ks p &lt; 0.05", "psi &gt;= 0.1".</summary>
    public string RuleText(string threshold) => ScoreKind == DriftScoreKind.PValue
        ? $"{Name} p < {threshold}"
        : $"{Name} >= {threshold}";
}
