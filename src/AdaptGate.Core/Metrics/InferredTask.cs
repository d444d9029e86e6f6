namespace AdaptGate.Core.Metrics;

/// <summary>The task a label column suggests and the evidence, said so a person can check it.</summary>
public sealed record InferredTask(MetricTask Task, string Reason);
