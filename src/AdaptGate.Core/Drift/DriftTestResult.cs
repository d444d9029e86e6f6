namespace AdaptGate.Core.Drift;

/// <summary>
/// The outcome of one drift test on one column. Score is the statistic (KS D, chi², PSI,
/// scaled Wasserstein distance or JS distance); PValue is set for the hypothesis tests only. ScoreBound is null when
/// the score is exact, else how far it may be from the exact score (computed from a quantile sketch).
/// </summary>
public sealed record DriftTestResult(DriftMethod Method, double Score, double? PValue, double Threshold, bool Drifted, string? Note = null, double? ScoreBound = null);
