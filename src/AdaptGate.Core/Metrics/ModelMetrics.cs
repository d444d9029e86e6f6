namespace AdaptGate.Core.Metrics;

/// <summary>Metrics of an ML.NET model scored on a file, from ML.NET's own evaluator.</summary>
/// <param name="Task">The task, given or read from the model's output columns.</param>
/// <param name="Values">The metrics, canonical names (see <see cref="MetricNames"/>).</param>
/// <param name="Rows">Rows evaluated: those with a label (and, for multiclass, a label the model knows).</param>
/// <param name="Evidence">The scored rows, to bootstrap the metrics' intervals; null when none could be read back.</param>
public sealed record ModelMetrics(MetricTask Task, MetricSet Values, int Rows, Uncertainty.MetricRows? Evidence = null);
