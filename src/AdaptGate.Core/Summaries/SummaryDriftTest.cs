using AdaptGate.Core.Drift;
using AdaptGate.Core.Drift.Methods;

namespace AdaptGate.Core.Summaries;

/// <summary>
/// Runs a resolved drift method on two column summaries: bin methods on the counts under the reference's plan (or the
/// union of categories), values methods on the sorted values when both summaries hold them and on the sketches
/// otherwise, with the bound of the approximation in the result.
/// </summary>
public static class SummaryDriftTest
{
    public static DriftTestResult Run(ColumnSummary reference, ColumnSummary current, DriftMethod resolved, double threshold)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var definition = DriftMethodRegistry.Get(resolved);
        if (!reference.IsNumeric)
        {
            return DriftTest.Categorical(reference.Categories!, current.Categories!, resolved, threshold);
        }

        if (reference.Moments is { } moments && moments.Count > 0 && moments.Min == moments.Max)
        {
            using var constant = ConstantValues(reference);
            return ConstantReference.Test(constant ?? reference.Values!, CurrentValues(current, definition), resolved, threshold);
        }

        if (definition.Needs == DriftInput.BinCounts)
        {
            return Result(definition, definition.CountsScore!(reference.BinCounts!, current.BinCounts!), threshold, null);
        }

        if (reference.Values is { } r && current.Values is { } c)
        {
            return Result(definition, definition.ValuesScore!(r, c), threshold, null);
        }

        var approximate = definition.SketchScore!(reference, current);
        return Result(definition, approximate.Score, threshold, approximate.Bound);
    }

    private static DriftTestResult Result(DriftMethodDefinition definition, DriftScore score, double threshold, double? bound) =>
        new(definition.Method, score.Score, score.PValue, threshold, definition.IsDrifted(score, threshold), null, bound);

    /// <summary>A constant column's values are its value, as many times as it has them: a profile need not keep them.</summary>
    private static NumericSummary? ConstantValues(ColumnSummary reference)
    {
        if (reference.Values is not null)
        {
            return null;
        }

        var values = new double[reference.Present];
        Array.Fill(values, reference.Moments!.Min);
        return NumericSummary.FromValues(values);
    }

    private static NumericSummary CurrentValues(ColumnSummary current, DriftMethodDefinition definition) =>
        current.Values ?? throw new InputException(
            $"The reference column '{current.Name}' is constant and the current side is a profile without its values, so {definition.Name} cannot compare them.",
            hint: "Check a current data file against the profile, rather than a current profile.");
}
