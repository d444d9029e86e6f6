using System.Globalization;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// The values a metric can take: shares and areas lie in [0, 1], losses and errors are never negative, r2 is at most 1
/// (and unbounded below: a model can be worse than the mean). An "auc" of 7.5 is a percentage or another metric, and
/// letting it through would compare it with a real auc.
/// </summary>
public static class MetricRange
{
    /// <summary>The range, as [low, high] with null for no bound; null for a metric AdaptGate does not know.</summary>
    public static (double? Low, double? High)? Of(string name) => MetricNames.Normalize(name) switch
    {
        MetricNames.Auc or MetricNames.Accuracy or MetricNames.MicroAccuracy or MetricNames.MacroAccuracy
            or MetricNames.F1 or MetricNames.Precision or MetricNames.Recall => (0, 1),
        MetricNames.LogLoss or MetricNames.Rmse or MetricNames.Mae or MetricNames.Mse => (0, null),
        MetricNames.R2 => (null, 1),
        _ => null,
    };

    /// <summary>Null when the value fits its metric (or the metric is unknown); else the range it misses, as text.</summary>
    public static string? Violated(string name, double value)
    {
        if (Of(name) is not var (low, high))
        {
            return null;
        }

        return value < low || value > high ? Describe(low, high) : null;
    }

    private static string Describe(double? low, double? high) => (low, high) switch
    {
        ({ } l, { } h) => string.Create(CultureInfo.InvariantCulture, $"between {l} and {h}"),
        ({ } l, null) => string.Create(CultureInfo.InvariantCulture, $"at least {l}"),
        (null, { } h) => string.Create(CultureInfo.InvariantCulture, $"at most {h}"),
        _ => "any number",
    };
}
