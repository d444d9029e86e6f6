using AdaptGate.Core.Drift.Methods;

namespace AdaptGate.Core.Drift;

/// <summary>Runs one drift method on a pair of column summaries and applies its threshold.</summary>
public static class DriftTest
{
    /// <summary>
    /// Numeric column: ks, wasserstein, psi or jensenshannon (auto resolves by size). Throws
    /// ArgumentException for chisquare or when either summary has no non-missing values.
    /// </summary>
    public static DriftTestResult Numeric(NumericSummary reference, NumericSummary current, DriftMethod method, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        DriftMethod resolved = DriftMethods.Resolve(method, numeric: true, reference.Count, current.Count);
        RequireSupported(resolved, numeric: true);
        RequireNonEmpty(reference.Count, current.Count);
        var definition = DriftMethodRegistry.Get(resolved);
        double limit = threshold ?? definition.DefaultThreshold;
        if (definition.Needs == DriftInput.Values)
        {
            return Result(definition, definition.ValuesScore!(reference, current), limit);
        }

        double[] edges = QuantileBinning.Edges(reference.Sorted);
        long[] r = QuantileBinning.Counts(reference.Sorted, edges);
        long[] c = QuantileBinning.Counts(current.Sorted, edges);
        return Result(definition, definition.CountsScore!(r, c), limit);
    }

    /// <summary>
    /// Categorical/boolean column: chisquare, psi or jensenshannon (auto resolves by size), over
    /// the union of both summaries' categories. Throws ArgumentException for ks/wasserstein or
    /// when either summary has no non-missing values.
    /// </summary>
    public static DriftTestResult Categorical(CategoricalSummary reference, CategoricalSummary current, DriftMethod method, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        DriftMethod resolved = DriftMethods.Resolve(method, numeric: false, reference.Total, current.Total);
        RequireSupported(resolved, numeric: false);
        RequireNonEmpty(reference.Total, current.Total);
        var definition = DriftMethodRegistry.Get(resolved);
        double limit = threshold ?? definition.DefaultThreshold;
        (_, long[] r, long[] c) = CategoryAlignment.Align(reference, current);
        return Result(definition, definition.CountsScore!(r, c), limit);
    }

    private static DriftTestResult Result(DriftMethodDefinition definition, DriftScore score, double threshold) =>
        new(definition.Method, score.Score, score.PValue, threshold, definition.IsDrifted(score, threshold));

    private static void RequireSupported(DriftMethod method, bool numeric)
    {
        if (!DriftMethods.Supports(method, numeric))
        {
            string kind = numeric ? "numeric" : "categorical/boolean";
            throw new ArgumentException($"Drift method '{DriftMethods.Name(method)}' does not apply to {kind} columns.", nameof(method));
        }
    }

    private static void RequireNonEmpty(long referenceCount, long currentCount)
    {
        if (referenceCount == 0 || currentCount == 0)
        {
            throw new ArgumentException("Drift tests need at least one non-missing value in both reference and current data.");
        }
    }
}
