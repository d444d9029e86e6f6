namespace AdaptGate.Core.Multivariate;

/// <summary>How the domain classifier samples and cross-validates (the policy's <c>domainClassifier</c> section plus its seed).</summary>
/// <param name="MaxRowsPerSide">Rows sampled at most from each of reference and current: bounds the run time on large files.</param>
/// <param name="Folds">Cross-validation folds; every row is scored by a model that did not see it.</param>
/// <param name="Seed">Seed of the sampling, the fold assignment and the trainer: same inputs, same AUC to the bit.</param>
public sealed record DomainClassifierOptions(int MaxRowsPerSide = 50_000, int Folds = 5, int Seed = 0);
