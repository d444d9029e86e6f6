namespace AdaptGate.Core.Metrics;

/// <summary>Whether a bigger value of a metric means a better model.</summary>
public static class MetricDirection
{
    /// <summary>True for scores (auc, accuracies, f1, precision, recall, r2), false for losses and errors (rmse, mae, mse, log-loss).</summary>
    /// <exception cref="ArgumentException">The name is not one AdaptGate knows the direction of.</exception>
    public static bool HigherIsBetter(string name) =>
        TryHigherIsBetter(name, out var higher)
            ? higher
            : throw new ArgumentException(
                "Unknown metric '" + name + "': AdaptGate knows the direction of " + string.Join(", ", MetricNames.All) + ".",
                nameof(name));

    public static bool TryHigherIsBetter(string name, out bool higherIsBetter)
    {
        switch (MetricNames.Normalize(name))
        {
            case MetricNames.Auc or MetricNames.Accuracy or MetricNames.MicroAccuracy or MetricNames.MacroAccuracy
                or MetricNames.F1 or MetricNames.Precision or MetricNames.Recall or MetricNames.R2:
                higherIsBetter = true;
                return true;
            case MetricNames.Rmse or MetricNames.Mae or MetricNames.Mse or MetricNames.LogLoss:
                higherIsBetter = false;
                return true;
            default:
                higherIsBetter = false;
                return false;
        }
    }
}
