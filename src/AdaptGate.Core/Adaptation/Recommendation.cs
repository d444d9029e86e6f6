using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The cheapest candidate (skip &lt; fine-tune &lt; retrain) whose primary metric on the measurement
/// data is within a tolerance of the best candidate's. The same rule is the benchmark's oracle
/// (docs/decisions.md): a costlier action must earn its cost. Scores (bounded, such as auc) take
/// the tolerance in their own units; errors (rmse, mae, mse, log-loss) take it as a share of the best
/// value, since 0.01 rmse is nothing on an rmse near 130 and everything on one near 0.02.
/// </summary>
public static class Recommendation
{
    /// <summary>0.01 for scores (one point of auc or accuracy), 0.02 for errors (2% of the best).</summary>
    public static double DefaultTolerance(string primary) => IsRelative(primary) ? 0.02 : 0.01;

    /// <summary>True when the tolerance of <paramref name="primary"/> is a share of the best value (errors), false when in its units (scores).</summary>
    public static bool IsRelative(string primary) => MetricDrop.IsRelative(primary);

    /// <summary>"0.01 auc" or "2% of the best rmse", as reports say it.</summary>
    public static string Describe(double tolerance, string primary) =>
        IsRelative(primary)
            ? string.Create(CultureInfo.InvariantCulture, $"{tolerance * 100:0.####}% of the best {primary}")
            : string.Create(CultureInfo.InvariantCulture, $"{tolerance:0.####} {primary} of the best");

    /// <summary>
    /// The cheapest candidate not ruled out by its shortfall from the best (in the tolerance's units; 0 for the best
    /// itself) under <paramref name="credibility"/>: point, the shortfall past the tolerance; interval, past it with its
    /// paired interval above zero; lower-bound-past-threshold, the interval's lower end past it. A shortfall without an
    /// interval is judged on its point value.
    /// </summary>
    /// <returns>The recommended action, or null when no candidate was measured.</returns>
    public static Verdict? PickCredible(IReadOnlyList<(Verdict Action, double Shortfall, double? Low)> measured, double tolerance, Policy.MetricCredibility credibility)
    {
        if (measured.Count == 0)
        {
            return null;
        }

        bool RuledOut((Verdict Action, double Shortfall, double? Low) m) => credibility switch
        {
            Policy.MetricCredibility.Point => m.Shortfall > tolerance + 1e-12,
            Policy.MetricCredibility.Interval => m.Shortfall > tolerance + 1e-12 && (m.Low ?? m.Shortfall) > 0,
            _ => (m.Low ?? m.Shortfall) > tolerance + 1e-12,
        };
        return measured.Where(m => !RuledOut(m)).Select(m => m.Action).DefaultIfEmpty(measured.MinBy(m => m.Shortfall).Action).Min();
    }

    /// <returns>The recommended action, or null when no candidate was measured.</returns>
    public static Verdict? Pick(IReadOnlyList<(Verdict Action, double Metric)> measured, string primary, double tolerance)
    {
        if (measured.Count == 0)
        {
            return null;
        }

        var higherIsBetter = MetricDirection.HigherIsBetter(primary);
        var best = higherIsBetter ? measured.Max(m => m.Metric) : measured.Min(m => m.Metric);
        var margin = IsRelative(primary) ? tolerance * Math.Abs(best) : tolerance;
        return measured
            .Where(m => (higherIsBetter ? best - m.Metric : m.Metric - best) <= margin + 1e-12)
            .Min(m => m.Action);
    }
}
