namespace AdaptGate.Core.Metrics;

/// <summary>What a model predicts, which decides the metrics that describe it.</summary>
public enum MetricTask
{
    Binary,
    Multiclass,
    Regression,
}
