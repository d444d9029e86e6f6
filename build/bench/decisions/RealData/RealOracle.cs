using AdaptGate.Core.Decision;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// The measured answer: the cheapest action (skip &lt; fine-tune &lt; retrain) whose score on the future rows
/// comes within the tolerance of the best of the three (0.01 auc; 2% of the best rmse). Where the cheaper
/// of two answers misses or makes that line by less than a third of the tolerance, the case is ambiguous and
/// both answers count: the oracle's own sampling noise is about that large.
/// </summary>
internal sealed record RealOracle(RealTask Task, double Skip, double FineTune, double Retrain)
{
    public double Tolerance => Task == RealTask.Regression ? 0.02 : 0.01;

    public Verdict Answer => Enum.GetValues<Verdict>().First(v => Shortfall(v) <= Tolerance);

    /// <summary>How far an action falls short of the best, in the tolerance's units (auc points; a share of the best rmse).</summary>
    public double Shortfall(Verdict action)
    {
        var score = Score(action);
        if (double.IsNaN(score))
        {
            return double.PositiveInfinity;
        }

        var scores = Enum.GetValues<Verdict>().Select(Score).Where(s => !double.IsNaN(s)).ToArray();
        return Task == RealTask.Regression ? (score - scores.Min()) / scores.Min() : scores.Max() - score;
    }

    public bool Accepts(Verdict verdict)
    {
        if (verdict == Answer)
        {
            return true;
        }

        var cheaper = verdict < Answer ? verdict : Answer;
        return Math.Abs(Shortfall(cheaper) - Tolerance) <= Tolerance / 3;
    }

    public bool Ambiguous => Enum.GetValues<Verdict>().Any(v => v != Answer && Accepts(v));

    /// <summary>The share of resamples of the future whose oracle accepts this answer (<see cref="OracleStability"/>); null when not measured.</summary>
    public double? Stability { get; init; }

    /// <summary>Whether the future's two halves name compatible answers (<see cref="OracleStability.HalvesAgree"/>); null when not measured.</summary>
    public bool? HalvesAgree { get; init; }

    public double Score(Verdict action) => action switch
    {
        Verdict.Skip => Skip,
        Verdict.FineTune => FineTune,
        _ => Retrain,
    };
}
