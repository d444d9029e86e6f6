using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The cheapest candidate (skip &lt; fine-tune &lt; retrain) whose primary metric on the measurement
/// data is within a tolerance of the best candidate's. The same rule is the benchmark's oracle
/// (docs/decisions.md): a costlier action must earn its cost.
/// </summary>
public static class Recommendation
{
    /// <returns>The recommended action, or null when no candidate was measured.</returns>
    public static Verdict? Pick(IReadOnlyList<(Verdict Action, double Metric)> measured, string primary, double tolerance)
    {
        if (measured.Count == 0)
        {
            return null;
        }

        var higherIsBetter = MetricDirection.HigherIsBetter(primary);
        var best = higherIsBetter ? measured.Max(m => m.Metric) : measured.Min(m => m.Metric);
        return measured
            .Where(m => (higherIsBetter ? best - m.Metric : m.Metric - best) <= tolerance + 1e-12)
            .Min(m => m.Action);
    }
}
