using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// How often the oracle's answer would stand on another draw of the same future: the future rows resampled in
/// moving blocks of one day (48 rows, so a day's correlated half-hours move together), each action rescored on
/// each resample, and the share of resamples whose oracle accepts the answer of the rows as they are. Averaged
/// over the splits, it is about the agreement a check that always named the expected answer would reach: the
/// ceiling the benchmark's own noise puts on any rule.
/// </summary>
internal static class OracleStability
{
    public const int BlockRows = 48;

    public const int Resamples = 200;

    /// <returns>The share of resamples that accept the point answer; null when an action has no scored rows.</returns>
    public static double? Measure(RealOracle oracle, string primary, IReadOnlyDictionary<Verdict, MetricRows> evidence, int seed)
    {
        if (ScoredRows(evidence) is not { } rows)
        {
            return null;
        }

        var random = new Random(seed);
        var weights = new int[rows];
        var accepted = 0;
        for (var b = 0; b < Resamples; b++)
        {
            Array.Clear(weights);
            for (var drawn = 0; drawn < rows; drawn += BlockRows)
            {
                var start = random.Next(rows - BlockRows + 1);
                for (var i = start; i < start + BlockRows && drawn + (i - start) < rows; i++)
                {
                    weights[i]++;
                }
            }

            if (Rescored(oracle.Task, primary, evidence, weights).Accepts(oracle.Answer))
            {
                accepted++;
            }
        }

        return (double)accepted / Resamples;
    }

    /// <summary>
    /// Whether the future's two halves in time name compatible answers (each half's oracle accepts the other's answer,
    /// or one of them does): where they do not, the best action changed within the future itself, and no check made
    /// before it could name both. Null when an action has no scored rows.
    /// </summary>
    public static bool? HalvesAgree(RealTask task, string primary, IReadOnlyDictionary<Verdict, MetricRows> evidence)
    {
        if (ScoredRows(evidence) is not { } rows)
        {
            return null;
        }

        RealOracle Half(bool first)
        {
            var weights = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                weights[i] = (i < rows / 2) == first ? 1 : 0;
            }

            return Rescored(task, primary, evidence, weights);
        }

        var (early, late) = (Half(first: true), Half(first: false));
        return early.Accepts(late.Answer) || late.Accepts(early.Answer);
    }

    /// <summary>The oracle of the future's rows counted <paramref name="weights"/> times each.</summary>
    private static RealOracle Rescored(RealTask task, string primary, IReadOnlyDictionary<Verdict, MetricRows> evidence, int[] weights)
    {
        double Score(Verdict v) => evidence[v].Compute(weights).TryGetValue(primary, out var value) ? value : double.NaN;
        return new RealOracle(task, Score(Verdict.Skip), Score(Verdict.FineTune), Score(Verdict.Retrain));
    }

    /// <summary>The future's row count when every action was scored on the same rows, at least two blocks of them; else null.</summary>
    private static int? ScoredRows(IReadOnlyDictionary<Verdict, MetricRows> evidence)
    {
        if (!Enum.GetValues<Verdict>().All(evidence.ContainsKey))
        {
            return null;
        }

        var rows = evidence[Verdict.Skip].Count;
        return rows < 2 * BlockRows || Enum.GetValues<Verdict>().Any(v => evidence[v].Count != rows) ? null : rows;
    }
}
