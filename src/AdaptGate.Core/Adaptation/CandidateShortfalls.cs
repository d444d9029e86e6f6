using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// How far each measured action falls short of the best one on the same scored rows, with a paired bootstrap interval,
/// and the recommendation those shortfalls give under the policy's <c>decision.credibility</c>: one computation for
/// <c>adapt --action compare</c> and the check's trial, so the two cannot disagree on the same rows.
/// </summary>
internal static class CandidateShortfalls
{
    /// <summary>
    /// <paramref name="measured"/>: each measured action's primary metric; <paramref name="rows"/>: each action's scored
    /// rows, where they were kept (a shortfall without them has no interval).
    /// </summary>
    public static Dictionary<Verdict, (double Value, double? Low, double? High)> Measure(
        IReadOnlyList<(Verdict Action, double Metric)> measured, IReadOnlyDictionary<Verdict, MetricRows> rows, string primary, GatePolicy policy)
    {
        var shortfalls = new Dictionary<Verdict, (double Value, double? Low, double? High)>();
        if (measured.Count == 0)
        {
            return shortfalls;
        }

        var best = MetricDirection.HigherIsBetter(primary) ? measured.MaxBy(m => m.Metric) : measured.MinBy(m => m.Metric);
        var bootstrap = policy.Metrics.Bootstrap;
        foreach (var (action, metric) in measured)
        {
            shortfalls[action] = rows.TryGetValue(action, out var candidate) && rows.TryGetValue(best.Action, out var bestRows)
                && PairedShortfall.Measure(candidate, bestRows, primary, bootstrap.Resamples, policy.Seed, bootstrap.Level) is { } paired
                    ? paired
                    : (MetricDrop.Compute(primary, best.Metric, metric), null, null);
        }

        return shortfalls;
    }

    /// <returns>The cheapest action not ruled out by its shortfall (<see cref="Recommendation.PickCredible"/>); null when nothing was measured.</returns>
    public static Verdict? Recommend(Dictionary<Verdict, (double Value, double? Low, double? High)> shortfalls, double tolerance, GatePolicy policy) =>
        Recommendation.PickCredible([.. shortfalls.Select(s => (s.Key, s.Value.Value, s.Value.Low))], tolerance, policy.Decision.Credibility);
}
