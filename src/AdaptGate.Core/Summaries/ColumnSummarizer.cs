using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Summaries;

/// <summary>Summarises raw columns: the reference under its own decile plan, the current under the reference's.</summary>
public static class ColumnSummarizer
{
    /// <summary>SciPy's exact regime for ks: up to this many values a profile keeps them, so the tests stay exact.</summary>
    public const int ExactValuesLimit = 10_000;

    /// <summary>A reference column: numeric columns fix their decile plan from their own values.</summary>
    public static ColumnSummary Reference(DataColumn column) => Summarize(column, plan: null);

    /// <summary>A current column, counted under the reference's plan (null when the reference is not numeric or empty).</summary>
    public static ColumnSummary Current(DataColumn column, ColumnSummary reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Summarize(column, reference.Edges ?? []);
    }

    private static ColumnSummary Summarize(DataColumn column, double[]? plan)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column is CategoricalColumn categorical)
        {
            return new ColumnSummary
            {
                Name = column.Name,
                Kind = column.Kind,
                IsNumeric = false,
                Rows = column.Length,
                Missing = column.MissingCount,
                Categories = CategoricalSummary.FromCodes(categorical.Codes, categorical.Categories),
            };
        }

        var numeric = (NumericColumn)column;
        var values = NumericSummary.FromValues(numeric.Values);
        var sorted = values.Sorted;
        var edges = plan ?? (sorted.IsEmpty ? [] : QuantileBinning.Edges(sorted));
        return new ColumnSummary
        {
            Name = column.Name,
            Kind = column.Kind,
            IsNumeric = true,
            Rows = column.Length,
            Missing = column.MissingCount,
            Moments = NumericMoments.Of(sorted),
            Values = values,
            DistinctIntegers = AreDistinctIntegers(sorted),
            Edges = edges,
            BinCounts = QuantileBinning.Counts(sorted, edges),
        };
    }

    private static bool AreDistinctIntegers(ReadOnlySpan<double> sorted)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] != Math.Floor(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
