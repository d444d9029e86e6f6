using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>Columns that are not errors but need care: all missing on one side, constant, changed kind, identifiers.</summary>
public sealed class EdgeColumnTests
{
    private static readonly CheckRequest Request = new() { ReferencePath = "ref.csv", CurrentPath = "cur.csv" };

    private static DataTable Table(string path, params DataColumn[] columns) => new(path, columns, columns[0].Length);

    private static double[] Numbers(int n, Func<int, double> value) => Enumerable.Range(0, n).Select(value).ToArray();

    [Fact]
    public void A_column_missing_entirely_in_the_current_file_is_reported_and_drifted()
    {
        var reference = Table("ref.csv", new NumericColumn("x", Numbers(50, i => i % 7)), new NumericColumn("y", Numbers(50, i => i % 5)));
        var current = Table("cur.csv", new NumericColumn("x", Numbers(50, i => i % 7)), new NumericColumn("y", Numbers(50, _ => double.NaN)));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        var y = report.Drift.Columns.Single(c => c.Name == "y");
        Assert.True(y.Drifted);
        Assert.Null(y.Score);
        Assert.Null(y.PValue);
        Assert.Equal(1.0, y.Missing.Current);
        Assert.Equal("all values missing in the current file", y.Note);
        Assert.Equal(1.0, report.Schema.Missing.Single(m => m.Name == "y").Current);
        Assert.Equal(Verdict.Retrain, report.Verdict); // 1 of 2 features drifted: share 0.5
    }

    [Fact]
    public void A_constant_column_is_compared_not_crashed_on()
    {
        var reference = Table("ref.csv", new NumericColumn("c", Numbers(40, _ => 3.0)));
        var same = Table("cur.csv", new NumericColumn("c", Numbers(40, _ => 3.0)));
        var moved = Table("cur.csv", new NumericColumn("c", Numbers(40, _ => 4.0)));

        var stable = CheckRunner.Compare(Request, new GatePolicy(), reference, same).Drift.Columns.Single();
        var shifted = CheckRunner.Compare(Request, new GatePolicy(), reference, moved).Drift.Columns.Single();

        Assert.Equal("ks", stable.Method);
        Assert.Equal(0.0, stable.Score);
        Assert.Equal(1.0, stable.PValue);
        Assert.False(stable.Drifted);
        Assert.Equal(1.0, shifted.Score);
        Assert.True(shifted.Drifted);
    }

    [Fact]
    public void A_kind_change_is_a_schema_change()
    {
        var reference = Table("ref.csv", new NumericColumn("a", Numbers(30, i => i % 4)), new NumericColumn("b", Numbers(30, i => i % 3)));
        var current = Table("cur.csv", new CategoricalColumn("a", Enumerable.Range(0, 30).Select(i => i % 2).ToArray(), ["x", "y"]), new NumericColumn("b", Numbers(30, i => i % 3)));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        Assert.Equal(Verdict.Retrain, report.Verdict);
        Assert.Equal("schema-change", report.Reasons[0].Rule);
        Assert.Equal("numeric", report.Schema.KindMismatches.Single().Reference);
        Assert.StartsWith("kind changed from numeric to categorical", report.Drift.Columns.Single(c => c.Name == "a").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifier_columns_and_row_numbers_are_excluded_with_a_reason()
    {
        var ids = Enumerable.Range(0, 60).ToArray();
        var reference = Table("ref.csv",
            new NumericColumn("row", Numbers(60, i => i)),
            new NumericColumn("order_id", Numbers(60, i => 1000 + (i * 7))),
            new CategoricalColumn("uuid", ids, ids.Select(i => $"u-{i}").ToArray()),
            new NumericColumn("value", Numbers(60, i => i % 9)));
        var current = Table("cur.csv",
            new NumericColumn("row", Numbers(60, i => 60 + i)),
            new NumericColumn("order_id", Numbers(60, i => 5000 + (i * 7))),
            new CategoricalColumn("uuid", ids, ids.Select(i => $"v-{i}").ToArray()),
            new NumericColumn("value", Numbers(60, i => i % 9)));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        Assert.Equal(["value"], report.Drift.Columns.Select(c => c.Name).ToArray());
        var excluded = report.Schema.Excluded.ToDictionary(e => e.Name, e => e.Reason);
        Assert.StartsWith("identifier-like: consecutive distinct integers", excluded["row"], StringComparison.Ordinal);
        Assert.StartsWith("identifier-like: distinct integers in a column named like an id", excluded["order_id"], StringComparison.Ordinal);
        Assert.StartsWith("identifier-like: 60 distinct values in 60 reference rows", excluded["uuid"], StringComparison.Ordinal);
        Assert.Equal(Verdict.Skip, report.Verdict);
    }

    [Fact]
    public void Label_and_prediction_columns_left_as_features_get_a_warning()
    {
        var reference = Table("ref.csv", new NumericColumn("x", Numbers(30, i => i % 4)), new NumericColumn("y_pred", Numbers(30, i => i % 2)), new NumericColumn("Label", Numbers(30, i => i % 2)));
        var current = Table("cur.csv", new NumericColumn("x", Numbers(30, i => i % 4)), new NumericColumn("y_pred", Numbers(30, i => i % 2)), new NumericColumn("Label", Numbers(30, i => i % 2)));

        var unnamed = CheckRunner.Compare(Request, new GatePolicy(), reference, current);
        var named = CheckRunner.Compare(Request with { LabelColumn = "Label", PredictionColumn = "y_pred" }, new GatePolicy(), reference, current);
        var ignored = CheckRunner.Compare(Request with { IgnoredColumns = ["y_pred", "Label"] }, new GatePolicy(), reference, current);

        Assert.Contains(unnamed.Warnings, w => w.StartsWith("Columns named like a label or a model's output are compared as features: 'y_pred', 'Label'.", StringComparison.Ordinal));
        Assert.DoesNotContain(named.Warnings, w => w.Contains("named like a label", StringComparison.Ordinal));
        Assert.DoesNotContain(ignored.Warnings, w => w.Contains("named like a label", StringComparison.Ordinal));
    }
}
