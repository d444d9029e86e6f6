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
        if (!Enum.GetValues<Verdict>().All(evidence.ContainsKey))
        {
            return null;
        }

        var rows = evidence[Verdict.Skip].Count;
        if (rows < 2 * BlockRows || Enum.GetValues<Verdict>().Any(v => evidence[v].Count != rows))
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

            double Score(Verdict v) => evidence[v].Compute(weights).TryGetValue(primary, out var value) ? value : double.NaN;
            var resampled = new RealOracle(oracle.Task, Score(Verdict.Skip), Score(Verdict.FineTune), Score(Verdict.Retrain));
            if (resampled.Accepts(oracle.Answer))
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
        if (!Enum.GetValues<Verdict>().All(evidence.ContainsKey))
        {
            return null;
        }

        var rows = evidence[Verdict.Skip].Count;
        if (rows < 2 * BlockRows || Enum.GetValues<Verdict>().Any(v => evidence[v].Count != rows))
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

            double Score(Verdict v) => evidence[v].Compute(weights).TryGetValue(primary, out var value) ? value : double.NaN;
            return new RealOracle(task, Score(Verdict.Skip), Score(Verdict.FineTune), Score(Verdict.Retrain));
        }

        var (early, late) = (Half(first: true), Half(first: false));
        return early.Accepts(late.Answer) || late.Accepts(early.Answer);
    }
}
