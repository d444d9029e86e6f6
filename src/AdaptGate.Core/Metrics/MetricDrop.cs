namespace AdaptGate.Core.Metrics;

/// <summary>How much worse the current value of a metric is than its baseline (positive = worse).</summary>
public static class MetricDrop
{
    /// <summary>
    /// Scores bounded in [0, 1] (or r2, which is in the same units) drop absolutely: baseline − current.
    /// Errors and losses have no fixed scale, so they drop relatively: (current − baseline) / baseline,
    /// e.g. 0.1 means 10% more error. A baseline of exactly 0 has no scale to be relative to; the
    /// drop is then the absolute increase (current − baseline) so it stays finite and reportable.
    /// </summary>
    /// <exception cref="ArgumentException">The metric's direction is unknown.</exception>
    public static double Compute(string name, double baseline, double current)
    {
        if (MetricDirection.HigherIsBetter(name))
        {
            return baseline - current;
        }

        return baseline == 0 ? current - baseline : (current - baseline) / baseline;
    }

    /// <summary>True when the metric drops relatively (losses and errors), false when absolutely.</summary>
    public static bool IsRelative(string name) => !MetricDirection.HigherIsBetter(name);
}
