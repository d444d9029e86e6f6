using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Decision;

/// <summary>
/// Whether a metric's change may decide: material (at or past the rule's threshold, as the point value
/// says) and credible (by the policy's <see cref="MetricCredibility"/>, from the change's confidence
/// interval). Without an interval (metrics files have no rows) the point value decides, as it always did.
/// </summary>
/// <param name="Material">The point value is at or past the threshold.</param>
/// <param name="Fires">Material and credible: the rule decides.</param>
/// <param name="Margin">How far past not firing, in the value's units: the interval's near end counts, so a close call shows.</param>
/// <param name="HasInterval">An interval was there to judge by.</param>
internal readonly record struct CredibleChange(bool Material, bool Fires, double Margin, bool HasInterval)
{
    /// <summary>Material, but the interval does not bear it out: reported as noise, it does not decide.</summary>
    public bool WithinNoise => Material && !Fires;

    /// <summary>A drop (positive = worse) against its threshold; <paramref name="low"/> is the drop interval's lower end.</summary>
    public static CredibleChange Drop(double drop, double? low, double threshold, MetricCredibility credibility)
    {
        var material = drop >= threshold;
        if (low is not { } lower || credibility == MetricCredibility.Point)
        {
            return new CredibleChange(material, material, drop - threshold, low is not null);
        }

        return credibility == MetricCredibility.LowerBoundPastThreshold
            ? new CredibleChange(material, material && lower >= threshold, Math.Min(drop, lower) - threshold, true)
            : new CredibleChange(material, material && lower > 0, Math.Min(drop - threshold, lower), true);
    }

    /// <summary>
    /// A metric against its floor (<paramref name="higherIsBetter"/>) or ceiling; <paramref name="far"/> is the end of
    /// the current value's interval farthest past the limit's safe side (the upper end against a floor).
    /// </summary>
    public static CredibleChange Floor(double current, double? far, double floor, bool higherIsBetter, MetricCredibility credibility)
    {
        var pointMargin = higherIsBetter ? floor - current : current - floor;
        var material = higherIsBetter ? current < floor : current > floor;
        if (far is not { } end || credibility == MetricCredibility.Point)
        {
            return new CredibleChange(material, material, pointMargin, far is not null);
        }

        var intervalMargin = higherIsBetter ? floor - end : end - floor;
        return new CredibleChange(material, material && intervalMargin > 0, Math.Min(pointMargin, intervalMargin), true);
    }
}
