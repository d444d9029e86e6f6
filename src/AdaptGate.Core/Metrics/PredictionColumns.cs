namespace AdaptGate.Core.Metrics;

/// <summary>
/// Where a file keeps the truth and the model's answer, as monitoring logs store them.
/// </summary>
/// <param name="Label">The true value (--label).</param>
/// <param name="Prediction">The model's predicted label or value (--prediction).</param>
/// <param name="Probability">Binary only: the predicted probability of the positive class (--probability), or null.</param>
public sealed record PredictionColumns(string Label, string Prediction, string? Probability);
