using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Metrics.Uncertainty;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Label drift that knows the sample size. A distance between the class shares (Jensen-Shannon) says how far
/// they moved, not whether thousands of rows make that move certain: a positive rate going from 58% to 70%
/// on thousands of rows scores 0.09, under the distance's 0.1. So a classification label is also tested: a
/// two-proportion z-test (binary; pooled, two-sided, as statsmodels' proportions_ztest) or Pearson's chi-square
/// (more classes), and it drifted when the change is significant and material (<see cref="TargetDriftRule"/>).
/// </summary>
internal static class LabelShareTest
{
    private static readonly string[] ConventionalPositives = ["1", "true", "yes", "positive"];

    /// <returns>The label's drift with <see cref="ColumnDrift.Test"/> set and <c>Drifted</c> decided by it; unchanged when the label has fewer than two classes.</returns>
    public static ColumnDrift Apply(ColumnDrift drift, DataColumn reference, DataColumn current, TargetDriftRule rule, string? positiveClass) =>
        Apply(drift, Counts(reference), Counts(current), rule, positiveClass);

    /// <summary>As the columns' overload, from each side's rows per class (a profile stores them).</summary>
    public static ColumnDrift Apply(ColumnDrift drift, IReadOnlyDictionary<string, long> referenceCounts, IReadOnlyDictionary<string, long> currentCounts, TargetDriftRule rule, string? positiveClass)
    {
        var categories = referenceCounts.Keys.Union(currentCounts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var a = categories.Select(c => referenceCounts.GetValueOrDefault(c)).ToArray();
        var b = categories.Select(c => currentCounts.GetValueOrDefault(c)).ToArray();
        long n1 = a.Sum(), n2 = b.Sum();
        if (categories.Length < 2 || n1 == 0 || n2 == 0)
        {
            return drift;
        }

        double change = 0;
        for (var k = 0; k < categories.Length; k++)
        {
            change += Math.Abs(((double)a[k] / n1) - ((double)b[k] / n2));
        }

        change /= 2;
        ShareChangeTest test;
        if (categories.Length == 2)
        {
            var positive = Positive(categories, positiveClass);
            var (z, p) = TwoProportionZ(a[positive], n1, b[positive], n2);
            test = Test("two-proportion z-test", z, p, change, rule, n1, n2) with
            {
                PositiveClass = categories[positive],
                ReferenceRate = (double)a[positive] / n1,
                CurrentRate = (double)b[positive] / n2,
            };
        }
        else
        {
            var (statistic, p, _) = ChiSquareTest.Homogeneity(a, b);
            test = Test("chi-square test", statistic, p, change, rule, n1, n2);
        }

        return drift with { Test = test, Drifted = test.Significant && test.Material };
    }

    /// <summary>z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) with the pooled p̄; two-sided p = erfc(|z|/√2). No difference to test: (0, 1).</summary>
    public static (double Z, double PValue) TwoProportionZ(long x1, long n1, long x2, long n2)
    {
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return (0, 1);
        }

        var z = (((double)x2 / n2) - ((double)x1 / n1)) / se;
        return (z, 2 * NormalQuantile.UpperTail(Math.Abs(z)));
    }

    private static ShareChangeTest Test(string name, double statistic, double p, double change, TargetDriftRule rule, long n1, long n2) =>
        new(name, statistic, p, rule.Alpha, change, rule.MinChange, p < rule.Alpha, change >= rule.MinChange, n1, n2);

    private static int Positive(string[] categories, string? positiveClass)
    {
        for (var k = 0; k < categories.Length; k++)
        {
            if (positiveClass is not null ? string.Equals(categories[k], positiveClass, StringComparison.OrdinalIgnoreCase)
                : ConventionalPositives.Any(p => string.Equals(categories[k], p, StringComparison.OrdinalIgnoreCase)))
            {
                return k;
            }
        }

        // Neither value is a conventional positive: the second in ordinal order, so the choice never depends on row order.
        return 1;
    }

    /// <summary>The rows of each value (as text), missing left out.</summary>
    public static Dictionary<string, long> Counts(DataColumn column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var row = 0; row < column.Length; row++)
        {
            if (!Metrics.ColumnValues.IsMissing(column, row))
            {
                var text = Metrics.ColumnValues.Text(column, row);
                counts[text] = counts.GetValueOrDefault(text) + 1;
            }
        }

        return counts;
    }
}
