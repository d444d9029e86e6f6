using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Tests.Metrics;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>Label drift that knows the sample size: tests against SciPy (tests/fixtures/uncertainty/generate.py).</summary>
public sealed class LabelShareTestTests
{
    [Fact]
    public void Two_proportion_z_matches_scipy()
    {
        foreach (var c in UncertaintyFixture.Cases("twoProportion"))
        {
            var n = SklearnFixture.Ints(c.GetProperty("counts"));

            var (z, p) = LabelShareTest.TwoProportionZ(n[0], n[1], n[2], n[3]);

            Assert.Equal(c.GetProperty("z").GetDouble(), z, 10);
            var expected = c.GetProperty("p").GetDouble();
            Assert.True(Math.Abs(p - expected) <= 1e-12 * Math.Max(expected, 1e-300) + 1e-300, $"p {p} against scipy's {expected}");
        }
    }

    /// <summary>The case: 58% → 70% positives on 3,000 rows each has a Jensen-Shannon distance under 0.1, yet is certain and large.</summary>
    [Fact]
    public void A_positive_rate_from_58_to_70_percent_on_thousands_of_rows_drifted()
    {
        var stable = new ColumnDrift("repaid", "categorical", "jensenshannon", 0.09, null, null, 0.1, false, 1, new MissingRates(0, 0), null);

        var drift = LabelShareTest.Apply(stable, Label(1740, 3000), Label(2100, 3000), new TargetDriftRule(), positiveClass: null);

        Assert.True(drift.Drifted);
        var test = drift.Test!;
        Assert.Equal("two-proportion z-test", test.Name);
        Assert.Equal(3.5800211639124447e-22, test.PValue, 1e-30);
        Assert.Equal(0.12, test.Change, 12);
        Assert.Equal((0.58, 0.70), (test.ReferenceRate!.Value, test.CurrentRate!.Value));
        Assert.Equal("1", test.PositiveClass);
    }

    [Fact]
    public void A_significant_but_small_change_is_not_material()
    {
        var drift = LabelShareTest.Apply(Stable(), Label(49_400, 100_000), Label(50_500, 100_000), new TargetDriftRule(), null);

        Assert.True(drift.Test!.Significant);
        Assert.False(drift.Test.Material);
        Assert.False(drift.Drifted);
    }

    [Fact]
    public void A_large_change_on_few_rows_is_not_significant()
    {
        var drift = LabelShareTest.Apply(Stable(), Label(52, 100), Label(58, 100), new TargetDriftRule(), null);

        Assert.False(drift.Test!.Significant);
        Assert.True(drift.Test.Material);
        Assert.False(drift.Drifted);
    }

    [Fact]
    public void More_classes_take_scipy_s_chi_square()
    {
        foreach (var c in UncertaintyFixture.Cases("chiSquare"))
        {
            var a = SklearnFixture.Ints(c.GetProperty("reference"));
            var b = SklearnFixture.Ints(c.GetProperty("current"));

            var drift = LabelShareTest.Apply(Stable(), Classes(a), Classes(b), new TargetDriftRule(), null);

            Assert.Equal("chi-square test", drift.Test!.Name);
            Assert.Equal(c.GetProperty("statistic").GetDouble(), drift.Test.Statistic, 9);
            Assert.Equal(c.GetProperty("p").GetDouble(), drift.Test.PValue, 12);
        }
    }

    private static ColumnDrift Stable() => new("label", "categorical", "jensenshannon", 0.01, null, null, 0.1, false, 1, new MissingRates(0, 0), null);

    private static NumericColumn Label(int positives, int rows) =>
        new("repaid", Enumerable.Range(0, rows).Select(i => i < positives ? 1.0 : 0.0).ToArray());

    private static CategoricalColumn Classes(int[] counts) =>
        new("label", counts.SelectMany((n, k) => Enumerable.Repeat(k, n)).ToArray(), counts.Select((_, k) => $"c{k}").ToArray());
}
