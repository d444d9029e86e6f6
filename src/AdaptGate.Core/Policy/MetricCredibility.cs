using System.Text.Json.Serialization;

namespace AdaptGate.Core.Policy;

/// <summary>What makes a material change of a metric credible enough to decide on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricCredibility>))]
public enum MetricCredibility
{
    /// <summary>The drop's confidence interval lies above zero (the drop is real); a floor's whole interval is past the floor.</summary>
    [JsonStringEnumMemberName("interval")]
    Interval,

    /// <summary>The point value alone, as if there were no sampling error.</summary>
    [JsonStringEnumMemberName("point")]
    Point,

    /// <summary>The drop's lower bound itself reaches the threshold (the drop is surely material); a floor as for interval.</summary>
    [JsonStringEnumMemberName("lower-bound-past-threshold")]
    LowerBoundPastThreshold,
}

/// <summary>The policy's spelling of each <see cref="MetricCredibility"/>, for reports and explanations.</summary>
public static class MetricCredibilityNames
{
    public static string Name(this MetricCredibility credibility) => credibility switch
    {
        MetricCredibility.Point => "point",
        MetricCredibility.LowerBoundPastThreshold => "lower-bound-past-threshold",
        _ => "interval",
    };
}
