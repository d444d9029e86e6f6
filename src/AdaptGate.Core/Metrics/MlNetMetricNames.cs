using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>Maps ML.NET's metric objects to AdaptGate's canonical names.</summary>
internal static class MlNetMetricNames
{
    /// <summary>
    /// ML.NET's binary LogLoss is in bits (log base 2) and unclipped; the caller computes it as sklearn does, in
    /// nats, so "log-loss" means the same everywhere in AdaptGate (sklearn, stored predictions, multiclass), a
    /// baseline from one source compares with a current value from another, and it is never infinite.
    /// </summary>
    public static MetricSet From(CalibratedBinaryClassificationMetrics metrics, double logLossNats)
    {
        var set = From((BinaryClassificationMetrics)metrics);
        set.Add(MetricNames.LogLoss, logLossNats);
        return set;
    }

    public static MetricSet From(BinaryClassificationMetrics metrics) => new()
    {
        { MetricNames.Auc, metrics.AreaUnderRocCurve },
        { MetricNames.Accuracy, metrics.Accuracy },
        { MetricNames.F1, metrics.F1Score },
        { MetricNames.Precision, metrics.PositivePrecision },
        { MetricNames.Recall, metrics.PositiveRecall },
    };

    public static MetricSet From(MulticlassClassificationMetrics metrics) => new()
    {
        { MetricNames.MicroAccuracy, metrics.MicroAccuracy },
        { MetricNames.MacroAccuracy, metrics.MacroAccuracy },
        { MetricNames.LogLoss, metrics.LogLoss },
    };

    public static MetricSet From(Microsoft.ML.Data.RegressionMetrics metrics) => new()
    {
        { MetricNames.Rmse, metrics.RootMeanSquaredError },
        { MetricNames.Mae, metrics.MeanAbsoluteError },
        { MetricNames.Mse, metrics.MeanSquaredError },
        { MetricNames.R2, metrics.RSquared },
    };
}
