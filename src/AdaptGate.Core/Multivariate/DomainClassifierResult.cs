namespace AdaptGate.Core.Multivariate;

/// <summary>What the domain classifier found.</summary>
/// <param name="Auc">Cross-validated ROC AUC of telling current rows from reference rows: 0.5 means indistinguishable, 1.0 fully separable.</param>
/// <param name="ReferenceRows">Reference rows used (after sampling).</param>
/// <param name="CurrentRows">Current rows used (after sampling).</param>
/// <param name="Folds">Cross-validation folds used.</param>
/// <param name="TopColumns">Up to five columns with the largest share of importance, largest first; columns with none are left out.</param>
public sealed record DomainClassifierResult(double Auc, int ReferenceRows, int CurrentRows, int Folds, IReadOnlyList<SeparatingColumn> TopColumns);
