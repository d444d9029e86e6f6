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

    private readonly DriftMethod _method;
    private readonly double? _threshold;

    public ColumnComparer(DriftMethod method, double? threshold)
    {
        _method = method;
        _threshold = threshold;
    }

    public ColumnComparison Compare(DataColumn reference, DataColumn current)
    {
        if (reference.Kind == ColumnKind.Datetime || current.Kind == ColumnKind.Datetime)
        {
            return ColumnComparison.Exclude(reference.Name, "datetime: timestamps order rows rather than describe them, so they are not a drift feature");
        }

        var missing = new MissingRates(Rate(reference), Rate(current));
        var referenceEmpty = reference.MissingCount == reference.Length;
        var currentEmpty = current.MissingCount == current.Length;
        if (referenceEmpty || currentEmpty)
        {
            return CompareEmpty(reference, current, missing, referenceEmpty, currentEmpty);
        }

        if (reference.Kind != current.Kind)
        {
            return ColumnComparison.Compared(Uncomparable(
                reference, missing, $"kind changed from {KindName(reference.Kind)} to {KindName(current.Kind)}: a schema change, not comparable"));
        }

        return reference is NumericColumn numericReference
            ? CompareNumeric(numericReference, (NumericColumn)current, missing)
            : CompareCategorical((CategoricalColumn)reference, (CategoricalColumn)current, missing);
    }

    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Datetime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static double Rate(DataColumn column) =>
        column.Length == 0 ? 0 : (double)column.MissingCount / column.Length;

    private ColumnComparison CompareNumeric(NumericColumn reference, NumericColumn current, MissingRates missing)
    {
        var referenceSummary = NumericSummary.FromValues(reference.Values);
        if (IdentifierDetector.NumericReason(reference.Name, referenceSummary) is { } reason)
        {
            return ColumnComparison.Exclude(reference.Name, reason);
        }

        var currentSummary = NumericSummary.FromValues(current.Values);
        var (method, note) = Choose(numeric: true, referenceSummary.Count, currentSummary.Count);
        var result = DriftTest.Numeric(referenceSummary, currentSummary, method, _threshold);
        return ColumnComparison.Compared(ToColumnDrift(reference, result, missing, note));
    }

    private ColumnComparison CompareCategorical(CategoricalColumn reference, CategoricalColumn current, MissingRates missing)
    {
        var referenceSummary = CategoricalSummary.FromCodes(reference.Codes, reference.Categories);
        if (reference.Kind == ColumnKind.Categorical && IdentifierDetector.CategoricalReason(referenceSummary) is { } reason)
        {
            return ColumnComparison.Exclude(reference.Name, reason);
        }

        var currentSummary = CategoricalSummary.FromCodes(current.Codes, current.Categories);
        var (method, note) = Choose(numeric: false, referenceSummary.Total, currentSummary.Total);
        var result = DriftTest.Categorical(referenceSummary, currentSummary, method, _threshold);
        return ColumnComparison.Compared(
            ToColumnDrift(reference, result, missing, note),
            Unseen(reference.Name, referenceSummary, currentSummary));
    }

    /// <summary>
    /// A method chosen for the whole run may not apply to this kind (ks on a categorical column):
    /// the column then gets what <c>auto</c> picks for its kind, and the report says so.
    /// </summary>
    private (DriftMethod Method, string? Note) Choose(bool numeric, long referenceCount, long currentCount)
    {
        if (_method == DriftMethod.Auto || DriftMethods.Supports(_method, numeric))
        {
            return (DriftMethods.Resolve(_method, numeric, referenceCount, currentCount), null);
        }

        var chosen = DriftMethods.Resolve(DriftMethod.Auto, numeric, referenceCount, currentCount);
        var kinds = numeric ? "categorical and boolean" : "numeric";
        return (chosen, $"{DriftMethods.Name(_method)} applies to {kinds} columns only; auto chose {DriftMethods.Name(chosen)}");
    }

    private ColumnComparison CompareEmpty(DataColumn reference, DataColumn current, MissingRates missing, bool referenceEmpty, bool currentEmpty)
    {
        if (referenceEmpty && currentEmpty)
        {
            return ColumnComparison.Exclude(reference.Name, "all values missing in both files");
        }

        var side = referenceEmpty ? "reference" : "current";
        var shown = referenceEmpty ? current : reference;
        return ColumnComparison.Compared(Uncomparable(shown, missing, $"all values missing in the {side} file"));
    }

    /// <summary>
    /// A column that cannot be tested still counts as drifted. It shows the method and threshold
    /// its kind would have had, so the report reads the same as for tested columns.
    /// </summary>
    private ColumnDrift Uncomparable(DataColumn column, MissingRates missing, string note)
    {
        var numeric = column is NumericColumn;
        var (method, _) = Choose(numeric, column.Length - column.MissingCount, column.Length - column.MissingCount);
        return new(column.Name, KindName(column.Kind), DriftMethods.Name(method), null, null,
            _threshold ?? DriftMethods.DefaultThreshold(method), Drifted: true, missing, note);
    }

    private static ColumnDrift ToColumnDrift(DataColumn column, DriftTestResult result, MissingRates missing, string? note) =>
        new(column.Name, KindName(column.Kind), DriftMethods.Name(result.Method), result.Score, result.PValue,
            result.Threshold, result.Drifted, missing, note);

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
