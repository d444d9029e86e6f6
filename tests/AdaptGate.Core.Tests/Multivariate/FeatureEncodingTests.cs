using AdaptGate.Core.Data;
using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Tests.Multivariate;

public sealed class FeatureEncodingTests
{
    private static int[] All(int n) => [.. Enumerable.Range(0, n)];

    [Fact]
    public void Categories_are_matched_by_text_across_the_two_dictionaries()
    {
        var reference = Metrics.TestTables.Text("c", "a", "b", "a");
        var current = Metrics.TestTables.Text("c", "b", "a");
        var slots = new List<float[]>();

        var width = CategoricalFeatureEncoder.Encode(reference, All(3), current, All(2), slots);

        // "a" is the most frequent (3), then "b" (2): one slot each, no "other", no "missing".
        Assert.Equal(2, width);
        Assert.Equal([1f, 0f, 1f, 0f, 1f], slots[0]);
        Assert.Equal([0f, 1f, 0f, 1f, 0f], slots[1]);
    }

    [Fact]
    public void A_high_cardinality_column_is_capped_with_an_other_slot_and_a_missing_slot()
    {
        var reference = Metrics.TestTables.Text("id", [.. Enumerable.Range(0, 500).Select(i => "r" + i), null]);
        var current = Metrics.TestTables.Text("id", [.. Enumerable.Range(0, 500).Select(i => "c" + i)]);
        var slots = new List<float[]>();

        var width = CategoricalFeatureEncoder.Encode(reference, All(501), current, All(500), slots);

        Assert.Equal(CategoricalFeatureEncoder.MaxCategorySlots + 2, width);
        var other = slots[CategoricalFeatureEncoder.MaxCategorySlots];
        var missing = slots[CategoricalFeatureEncoder.MaxCategorySlots + 1];
        Assert.Equal(1001 - CategoricalFeatureEncoder.MaxCategorySlots - 1, other.Sum());
        Assert.Equal(1f, missing[500]);
        Assert.Equal(1f, missing.Sum());
    }

    [Fact]
    public void Numbers_are_standardised_with_missing_values_at_the_mean_and_flagged()
    {
        var reference = new NumericColumn("n", [1, double.NaN]);
        var current = new NumericColumn("n", [3]);
        var slots = new List<float[]>();

        var width = NumericFeatureEncoder.Encode(reference, All(2), current, All(1), slots);

        Assert.Equal(2, width);
        Assert.Equal([-1f, 0f, 1f], slots[0]);
        Assert.Equal([0f, 1f, 0f], slots[1]);
    }

    [Fact]
    public void A_column_with_no_value_on_either_side_adds_no_slot()
    {
        var empty = new NumericColumn("n", [double.NaN, double.NaN]);
        var slots = new List<float[]>();

        Assert.Equal(0, NumericFeatureEncoder.Encode(empty, All(2), empty, All(2), slots));
        Assert.Empty(slots);
    }

    [Fact]
    public void Slots_map_back_to_their_columns_in_the_callers_order()
    {
        var reference = SyntheticTables.Of(new NumericColumn("n", [1, 2]), Metrics.TestTables.Text("c", "x", "y"));
        var current = SyntheticTables.Of(Metrics.TestTables.Text("c", "y", "z"), new NumericColumn("n", [3, 4]));

        var matrix = FeatureEncoder.Encode(reference, All(2), current, All(2), ["c", "n", "c"]);

        Assert.Equal(["c", "n"], matrix.Columns);
        Assert.Equal([0, 0, 0, 1], matrix.SlotOwner);
        Assert.Equal([false, false, true, true], matrix.IsCurrent);
    }
}
