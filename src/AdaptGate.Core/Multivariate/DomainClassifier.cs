using System.Globalization;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Multivariate;

/// <summary>
/// The multivariate drift check (Evidently's and NannyML's "domain classifier", Alibi Detect's
/// classifier drift): a model learns to tell current rows from reference rows, and its
/// cross-validated ROC AUC says how separable the two are. Per-column tests miss shifts that
/// live in the joint distribution (two columns moving together); this check does not.
/// </summary>
public static class DomainClassifier
{
    private const ulong ReferenceSamplingStream = 1;
    private const ulong CurrentSamplingStream = 2;
    private const ulong FoldStream = 3;

    /// <summary>The AUC when the sides have no usable feature at all: nothing can tell them apart.</summary>
    private const double Indistinguishable = 0.5;

    /// <param name="reference">What the model was trained on.</param>
    /// <param name="current">What the model sees now.</param>
    /// <param name="featureColumns">
    /// The columns to learn from; those missing from either table, datetime columns, columns whose
    /// kind differs between the tables and columns with no value at all are left out.
    /// </param>
    /// <param name="options">Sampling, folds and seed.</param>
    /// <param name="ct">Checked between folds and while ML.NET reads the rows.</param>
    /// <exception cref="ArgumentException">No feature columns were named, or the options are out of range.</exception>
    /// <exception cref="InputException">A side has too few rows for k-fold cross-validation.</exception>
    public static DomainClassifierResult Run(DataTable reference, DataTable current, IReadOnlyList<string> featureColumns, DomainClassifierOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(featureColumns);
        ArgumentNullException.ThrowIfNull(options);
        Validate(featureColumns, options);
        EnsureEnoughRows(reference, options.Folds);
        EnsureEnoughRows(current, options.Folds);

        var referenceRows = RowSampler.Sample(reference.RowCount, options.MaxRowsPerSide, SplitMix64.ForStream(options.Seed, ReferenceSamplingStream));
        var currentRows = RowSampler.Sample(current.RowCount, options.MaxRowsPerSide, SplitMix64.ForStream(options.Seed, CurrentSamplingStream));
        var matrix = FeatureEncoder.Encode(reference, referenceRows, current, currentRows, featureColumns);
        if (matrix.Slots.Count == 0)
        {
            return new DomainClassifierResult(Indistinguishable, referenceRows.Length, currentRows.Length, options.Folds, []);
        }

        ct.ThrowIfCancellationRequested();
        var folds = FoldAssignment.Stratified(matrix.IsCurrent, options.Folds, SplitMix64.ForStream(options.Seed, FoldStream));
        var scores = SeparationModel.ScoreOutOfFold(matrix, folds, options.Folds, options.Seed, ct);

        // One AUC over all out-of-fold scores rather than the mean of per-fold AUCs: every row counts
        // once, and a small fold cannot swing the result.
        var auc = RocAuc.Compute(matrix.IsCurrent, scores);
        var top = ColumnImportance.Top(matrix, SeparationModel.SlotGains(matrix, options.Seed, ct));
        return new DomainClassifierResult(auc, referenceRows.Length, currentRows.Length, options.Folds, top);
    }

    private static void Validate(IReadOnlyList<string> featureColumns, DomainClassifierOptions options)
    {
        if (featureColumns.Count == 0)
        {
            // The caller decides which columns are features; asking with none is its bug, not the user's.
            throw new ArgumentException("The domain classifier needs at least one feature column.", nameof(featureColumns));
        }

        if (options.Folds < 2)
        {
            throw new ArgumentException($"Folds must be at least 2 (got {options.Folds}): every row is scored by a model trained on the other folds.", nameof(options));
        }

        if (options.MaxRowsPerSide < 2 * options.Folds)
        {
            throw new ArgumentException($"MaxRowsPerSide must be at least 2 × Folds = {2 * options.Folds} (got {options.MaxRowsPerSide}).", nameof(options));
        }
    }

    /// <summary>
    /// Two rows per fold and side at least: fewer leaves folds with one row of a side or none, and
    /// an AUC from a handful of rows says nothing. Reducing the folds instead would hide that.
    /// </summary>
    private static void EnsureEnoughRows(DataTable table, int folds)
    {
        var needed = 2 * folds;
        if (table.RowCount < needed)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"too few rows for a {folds}-fold domain classifier: {table.RowCount}; need at least {needed}"),
                table.SourcePath,
                hint: "Add rows, lower domainClassifier.folds in the policy, or disable domainClassifier.");
        }
    }
}
