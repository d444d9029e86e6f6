using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Compares one column of the reference with the same column of the current file: picks the
/// drift method for its kind, runs it on the column summaries, and explains anything that
/// could not be compared (all values missing, kind changed, identifier-like).
/// </summary>
internal sealed class ColumnComparer
{
    private const int UnseenExamples = 5;

    private readonly CheckSettings _settings;

    public ColumnComparer(CheckSettings settings)
    {
        _settings = settings;
    }

    /// <param name="reference">The column in the reference file.</param>
    /// <param name="current">The same-named column in the current file.</param>
    /// <param name="detectIdentifiers">Features only: a label of distinct values is still the label.</param>
    public ColumnComparison Compare(DataColumn reference, DataColumn current, bool detectIdentifiers = true)
    {
        if (reference.Kind == ColumnKind.Datetime || current.Kind == ColumnKind.Datetime)
        {
            return ColumnComparison.Exclude(reference.Name, DatetimeReason);
        }

        var missing = new MissingRates(Rate(reference), Rate(current));
        var referenceEmpty = reference.MissingCount == reference.Length;
        var currentEmpty = current.MissingCount == current.Length;
        if (referenceEmpty && currentEmpty)
        {
            return ColumnComparison.Exclude(reference.Name, "all values missing in both files");
        }

        if (referenceEmpty || currentEmpty)
        {
            var side = referenceEmpty ? "reference" : "current";
            return ColumnComparison.Compared(Uncomparable(referenceEmpty ? current : reference, missing, $"all values missing in the {side} file"));
        }

        if (reference.Kind != current.Kind)
        {
            // An identifier stays one whatever the current file made of it: not a feature, so no schema change.
            if (detectIdentifiers && IdentifierReason(reference) is { } identifier)
            {
                return ColumnComparison.Exclude(reference.Name, identifier);
            }

            return ColumnComparison.Compared(Uncomparable(
                reference, missing, $"kind changed from {KindName(reference.Kind)} to {KindName(current.Kind)}: a schema change, not comparable"));
        }

        return reference is NumericColumn numericReference
            ? CompareNumeric(numericReference, (NumericColumn)current, missing, detectIdentifiers)
            : CompareCategorical((CategoricalColumn)reference, (CategoricalColumn)current, missing, detectIdentifiers);
    }

    /// <summary>
    /// Why a reference column would be left out of drift whatever the current file holds (a timestamp,
    /// an identifier), or null when it is a feature: a feature that goes missing is a schema change.
    /// </summary>
    public static string? ReferenceExclusion(DataColumn reference) =>
        reference.Kind == ColumnKind.Datetime ? DatetimeReason : IdentifierReason(reference);

    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Datetime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private const string DatetimeReason = "datetime: timestamps order rows rather than describe them, so they are not a drift feature (set its kind to numeric in the policy to compare it)";

    private static string? IdentifierReason(DataColumn reference)
    {
        if (reference is NumericColumn numeric)
        {
            using var summary = NumericSummary.FromValues(numeric.Values);
            return IdentifierDetector.NumericReason(reference.Name, summary);
        }

        return reference is CategoricalColumn { Kind: ColumnKind.Categorical } categorical
            ? IdentifierDetector.CategoricalReason(CategoricalSummary.FromCodes(categorical.Codes, categorical.Categories))
            : null;
    }

    public static double Rate(DataColumn column) =>
        column.Length == 0 ? 0 : (double)column.MissingCount / column.Length;

    private ColumnComparison CompareNumeric(NumericColumn reference, NumericColumn current, MissingRates missing, bool detectIdentifiers)
    {
        using var referenceSummary = NumericSummary.FromValues(reference.Values);
        if (detectIdentifiers && IdentifierDetector.NumericReason(reference.Name, referenceSummary) is { } reason)
        {
            return ColumnComparison.Exclude(reference.Name, reason);
        }

        using var currentSummary = NumericSummary.FromValues(current.Values);
        var (method, note) = Choose(reference.Name, numeric: true, referenceSummary.Count, currentSummary.Count);
        var result = ConstantReference.Is(referenceSummary.Sorted)
            ? ConstantReference.Test(referenceSummary, currentSummary, method, _settings.ThresholdFor(reference.Name, method))
            : DriftTest.Numeric(referenceSummary, currentSummary, method, _settings.ThresholdFor(reference.Name, method));
        var edges = QuantileBinning.Edges(referenceSummary.Sorted);
        var referenceCounts = QuantileBinning.Counts(referenceSummary.Sorted, edges);
        var currentCounts = QuantileBinning.Counts(currentSummary.Sorted, edges);
        return ColumnComparison.Compared(ToColumnDrift(reference, result, missing, note) with
        {
            Distribution = DistributionBuilder.Numeric(edges, referenceCounts, currentCounts),
            Psi = PopulationStabilityIndex.FromCounts(referenceCounts, currentCounts),
        });
    }

    private ColumnComparison CompareCategorical(CategoricalColumn reference, CategoricalColumn current, MissingRates missing, bool detectIdentifiers)
    {
        var referenceSummary = CategoricalSummary.FromCodes(reference.Codes, reference.Categories);
        if (detectIdentifiers && reference.Kind == ColumnKind.Categorical && IdentifierDetector.CategoricalReason(referenceSummary) is { } reason)
        {
            return ColumnComparison.Exclude(reference.Name, reason);
        }

        var currentSummary = CategoricalSummary.FromCodes(current.Codes, current.Categories);
        var (method, note) = Choose(reference.Name, numeric: false, referenceSummary.Total, currentSummary.Total);
        var result = DriftTest.Categorical(referenceSummary, currentSummary, method, _settings.ThresholdFor(reference.Name, method));
        var distribution = DistributionBuilder.Categorical(referenceSummary, currentSummary);
        var (_, referenceCounts, currentCounts) = CategoryAlignment.Align(referenceSummary, currentSummary);
        var psi = PopulationStabilityIndex.FromCounts(referenceCounts, currentCounts);
        return ColumnComparison.Compared(
            ToColumnDrift(reference, result, missing, note) with { Distribution = distribution, Psi = psi },
            Unseen(reference.Name, referenceSummary, currentSummary));
    }

    /// <summary>
    /// Resolves the column's method for its kind and sample sizes. A method that does not apply to
    /// this kind (ks on a categorical column) leaves the column to what <c>auto</c> picks, and the
    /// report says so.
    /// </summary>
    private (DriftMethod Method, string? Note) Choose(string column, bool numeric, long referenceCount, long currentCount)
    {
        var requested = _settings.MethodFor(column);
        if (DriftMethods.Supports(requested, numeric))
        {
            return (DriftMethods.Resolve(requested, numeric, referenceCount, currentCount), null);
        }

        var chosen = DriftMethods.Resolve(DriftMethod.Auto, numeric, referenceCount, currentCount);
        var kinds = numeric ? "categorical and boolean" : "numeric";
        return (chosen, $"{DriftMethods.Name(requested)} applies to {kinds} columns only; auto chose {DriftMethods.Name(chosen)}");
    }

    /// <summary>
    /// A column that cannot be tested still counts as drifted. It shows the method and threshold
    /// its kind would have had, so the report reads the same as for tested columns.
    /// </summary>
    private ColumnDrift Uncomparable(DataColumn column, MissingRates missing, string note)
    {
        var present = column.Length - column.MissingCount;
        var (method, _) = Choose(column.Name, column is NumericColumn, present, present);
        return new(column.Name, KindName(column.Kind), DriftMethods.Name(method), null, null, null,
            _settings.ThresholdFor(column.Name, method), Drifted: true, _settings.WeightFor(column.Name), missing, note);
    }

    private ColumnDrift ToColumnDrift(DataColumn column, DriftTestResult result, MissingRates missing, string? note)
    {
        // The statistics are computed scale-safely; should one still not be a number, the report says so rather than carry it.
        var finite = double.IsFinite(result.Score);
        var notes = new[] { note, result.Note, finite ? null : $"the {DriftMethods.Name(result.Method)} score is not a finite number ({result.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)}), so it is left out" };
        var joined = string.Join("; ", notes.Where(n => n is not null));
        return new(column.Name, KindName(column.Kind), DriftMethods.Name(result.Method), finite ? result.Score : null, result.PValue, result.PValue,
            result.Threshold, result.Drifted, _settings.WeightFor(column.Name), missing, joined.Length > 0 ? joined : null);
    }

    private static UnseenCategories? Unseen(string name, CategoricalSummary reference, CategoricalSummary current)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reference.Categories.Count; i++)
        {
            if (reference.Counts[i] > 0)
            {
                known.Add(reference.Categories[i]);
            }
        }

        var unseen = new List<(string Category, long Count)>();
        for (var i = 0; i < current.Categories.Count; i++)
        {
            if (current.Counts[i] > 0 && !known.Contains(current.Categories[i]))
            {
                unseen.Add((current.Categories[i], current.Counts[i]));
            }
        }

        if (unseen.Count == 0)
        {
            return null;
        }

        // Most frequent first; ties by name so the report is the same on every run.
        unseen.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Category, b.Category));
        var rows = unseen.Sum(u => u.Count);
        var examples = unseen.Take(UnseenExamples).Select(u => u.Category).ToArray();
        return new UnseenCategories(name, unseen.Count, rows, examples);
    }
}
