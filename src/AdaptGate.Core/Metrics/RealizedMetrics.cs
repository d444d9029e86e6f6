namespace AdaptGate.Core.Metrics;

/// <summary>Metrics of the predictions a file stores, with how they were computed.</summary>
/// <param name="Task">The task the metrics are for, given or inferred.</param>
/// <param name="Values">The metrics, canonical names (see <see cref="MetricNames"/>).</param>
/// <param name="RowsUsed">Rows with a label, a prediction (and a probability, when one is used).</param>
/// <param name="RowsSkipped">Rows left out because one of those was missing.</param>
/// <param name="TaskReason">Why this task: "given" or the inference's reason, for reports.</param>
/// <param name="Evidence">The rows the metrics were computed from, to bootstrap their intervals.</param>
public sealed record RealizedMetrics(MetricTask Task, MetricSet Values, int RowsUsed, int RowsSkipped, string TaskReason, Uncertainty.MetricRows? Evidence = null);
