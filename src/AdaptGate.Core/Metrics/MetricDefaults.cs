namespace AdaptGate.Core.Metrics;

/// <summary>Which metric decides when the user names none.</summary>
public static class MetricDefaults
{
    /// <summary>
    /// Binary: "auc" (threshold-free, robust to class balance), or "accuracy" when there is no
    /// probability or score to rank by. Multiclass: "micro-accuracy" ("accuracy" is accepted as
    /// its alias wherever a name is looked up). Regression: "rmse".
    /// </summary>
    public static string Primary(MetricTask task, bool hasProbability) => task switch
    {
        MetricTask.Binary => hasProbability ? MetricNames.Auc : MetricNames.Accuracy,
        MetricTask.Multiclass => MetricNames.MicroAccuracy,
        MetricTask.Regression => MetricNames.Rmse,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };
}
