namespace AdaptGate.Core.Multivariate;

/// <summary>A column that helps tell current rows from reference rows.</summary>
/// <param name="Name">The column's name in the files.</param>
/// <param name="Importance">Its share of the classifier's total split gain (all features' shares sum to 1).</param>
public sealed record SeparatingColumn(string Name, double Importance);
