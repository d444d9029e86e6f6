using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Summaries;

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

    /// <param name="reference">The column's summary in the reference.</param>
    /// <param name="current">The same-named column's summary in the current data, under the reference's plan.</param>
    /// <param name="detectIdentifiers">Features only: a label of distinct values is still the label.</param>
    public ColumnComparison Compare(ColumnSummary reference, ColumnSummary current, bool detectIdentifiers = true)
    {
        if (reference.Kind == ColumnKind.Datetime || current.Kind == ColumnKind.Datetime)
        {
            return ColumnComparison.Exclude(reference.Name, DatetimeReason);
        }

        var missing = new MissingRates(reference.MissingRate, current.MissingRate);
        var referenceEmpty = reference.Present == 0;
        var currentEmpty = current.Present == 0;
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

        return reference.IsNumeric
            ? CompareNumeric(reference, current, missing, detectIdentifiers)
            : CompareCategorical(reference, current, missing, detectIdentifiers);
    }

    /// <summary>
    /// Why a reference column would be left out of drift whatever the current file holds (a timestamp,
    /// an identifier), or null when it is a feature: a feature that goes missing is a schema change.
    /// </summary>
    public static string? ReferenceExclusion(CheckSide side, SideColumn reference)
    {
        if (reference.Kind == ColumnKind.Datetime)
        {
            return DatetimeReason;
        }

        using var summary = side.ReferenceSummary(reference.Name);
        return IdentifierReason(summary);
    }

    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Datetime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private const string DatetimeReason = "datetime: timestamps order rows rather than describe them, so they are not a drift feature (set its kind to numeric in the policy to compare it)";

    private static string? IdentifierReason(ColumnSummary reference)
    {
        if (reference.IsNumeric)
        {
            return IdentifierDetector.NumericReason(reference);
        }

        return reference.Kind == ColumnKind.Categorical ? IdentifierDetector.CategoricalReason(reference.Categories!) : null;
    }

    public static double Rate(DataColumn column) =>
        column.Length == 0 ? 0 : (double)column.MissingCount / column.Length;

    private ColumnComparison CompareNumeric(ColumnSummary reference, ColumnSummary current, MissingRates missing, bool detectIdentifiers)
    {
        if (detectIdentifiers && IdentifierDetector.NumericReason(reference) is { } reason)
        {
            return ColumnComparison.Exclude(reference.Name, reason);
        }

        var (method, note) = Choose(reference.Name, numeric: true, reference.Present, current.Present);
        var result = SummaryDriftTest.Run(reference, current, method, _settings.ThresholdFor(reference.Name, method));
        var edges = reference.Edges!;
        return ColumnComparison.Compared(ToColumnDrift(reference, result, missing, note) with
        {
            Distribution = DistributionBuilder.Numeric(edges, reference.BinCounts!, current.BinCounts!),
            Psi = PopulationStabilityIndex.FromCounts(reference.BinCounts!, current.BinCounts!),
        });
    }

    private ColumnComparison CompareCategorical(ColumnSummary reference, ColumnSummary current, MissingRates missing, bool detectIdentifiers)
    {
        var referenceSummary = reference.Categories!;
        if (detectIdentifiers && reference.Kind == ColumnKind.Categorical && IdentifierDetector.CategoricalReason(referenceSummary) is { } reason)
        {
            return ColumnComparison.Exclude(reference.Name, reason);
        }

        var currentSummary = current.Categories!;
        var (method, note) = Choose(reference.Name, numeric: false, referenceSummary.Total, currentSummary.Total);
        var result = SummaryDriftTest.Run(reference, current, method, _settings.ThresholdFor(reference.Name, method));
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
    private ColumnDrift Uncomparable(ColumnSummary column, MissingRates missing, string note)
    {
        var (method, _) = Choose(column.Name, column.IsNumeric, column.Present, column.Present);
        return new(column.Name, KindName(column.Kind), DriftMethods.Name(method), null, null, null,
            _settings.ThresholdFor(column.Name, method), Drifted: true, _settings.WeightFor(column.Name), missing, note);
    }

    private ColumnDrift ToColumnDrift(ColumnSummary column, DriftTestResult result, MissingRates missing, string? note)
    {
        // The statistics are computed scale-safely; should one still not be a number, the report says so rather than carry it.
        var finite = double.IsFinite(result.Score);
        var notes = new[] { note, result.Note, finite ? null : $"the {DriftMethods.Name(result.Method)} score is not a finite number ({result.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)}), so it is left out" };
        var joined = string.Join("; ", notes.Where(n => n is not null));
        return new ColumnDrift(column.Name, KindName(column.Kind), DriftMethods.Name(result.Method), finite ? result.Score : null, result.PValue, result.PValue,
            result.Threshold, result.Drifted, _settings.WeightFor(column.Name), missing, joined.Length > 0 ? joined : null)
        {
            Exact = result.ScoreBound is null,
            ScoreBound = result.ScoreBound,
        };
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
