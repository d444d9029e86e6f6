using AdaptGate.Core.Data;
using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Tests.Multivariate;

public sealed class DomainClassifierEdgeCaseTests
{
    [Fact]
    public void No_feature_columns_is_the_callers_bug()
    {
        var table = SyntheticTables.Of(new NumericColumn("a", new double[20]));

        Assert.Throws<ArgumentException>(() => DomainClassifier.Run(table, table, [], new DomainClassifierOptions()));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(5, 9)]
    public void Options_out_of_range_are_the_callers_bug(int folds, int maxRowsPerSide)
    {
        var table = SyntheticTables.Of(new NumericColumn("a", new double[20]));

        Assert.Throws<ArgumentException>(() => DomainClassifier.Run(table, table, ["a"], new DomainClassifierOptions(maxRowsPerSide, folds)));
    }

    [Fact]
    public void A_side_with_too_few_rows_for_the_folds_is_bad_input_naming_the_file()
    {
        var random = new Random(5);
        var reference = SyntheticTables.Of(new NumericColumn("a", SyntheticTables.Normal(random, 100)));
        var current = new DataTable("small.csv", [new NumericColumn("a", SyntheticTables.Normal(random, 9))], 9);

        var error = Assert.Throws<InputException>(() => DomainClassifier.Run(reference, current, ["a"], new DomainClassifierOptions()));

        Assert.Equal("too few rows for a 5-fold domain classifier: 9; need at least 10", error.Message);
        Assert.Equal("small.csv", error.FilePath);
    }

    [Fact]
    public void Exactly_two_rows_per_fold_is_enough()
    {
        var random = new Random(6);
        var reference = SyntheticTables.Of(new NumericColumn("a", SyntheticTables.Normal(random, 10)));
        var current = SyntheticTables.Of(new NumericColumn("a", SyntheticTables.Normal(random, 10)));

        var result = DomainClassifier.Run(reference, current, ["a"], new DomainClassifierOptions());

        Assert.InRange(result.Auc, 0, 1);
    }

    [Fact]
    public void Constant_features_cannot_separate_anything()
    {
        var reference = SyntheticTables.Of(
            new NumericColumn("a", Enumerable.Repeat(3.0, 200).ToArray()),
            Metrics.TestTables.Text("b", [.. Enumerable.Repeat("x", 200)]));
        var current = SyntheticTables.Of(
            new NumericColumn("a", Enumerable.Repeat(3.0, 150).ToArray()),
            Metrics.TestTables.Text("b", [.. Enumerable.Repeat("x", 150)]));

        var result = DomainClassifier.Run(reference, current, ["a", "b"], new DomainClassifierOptions());

        Assert.Equal(0.5, result.Auc);
        Assert.Empty(result.TopColumns);
    }

    [Fact]
    public void An_all_missing_column_is_skipped()
    {
        var random = new Random(7);
        var reference = SyntheticTables.Of(
            new NumericColumn("empty", Enumerable.Repeat(double.NaN, 800).ToArray()),
            new NumericColumn("a", SyntheticTables.Normal(random, 800)));
        var current = SyntheticTables.Of(
            new NumericColumn("empty", Enumerable.Repeat(double.NaN, 800).ToArray()),
            new NumericColumn("a", SyntheticTables.Normal(random, 800, mean: 1)));

        var result = DomainClassifier.Run(reference, current, ["empty", "a"], new DomainClassifierOptions());

        Assert.Equal("a", Assert.Single(result.TopColumns).Name);
        Assert.True(result.Auc > 0.7, $"AUC {result.Auc}");
    }

    [Fact]
    public void Only_unusable_columns_leave_the_sides_indistinguishable()
    {
        var reference = SyntheticTables.Of(new NumericColumn("empty", Enumerable.Repeat(double.NaN, 50).ToArray()));
        var current = SyntheticTables.Of(new NumericColumn("empty", Enumerable.Repeat(double.NaN, 50).ToArray()));

        var result = DomainClassifier.Run(reference, current, ["empty", "absent"], new DomainClassifierOptions());

        Assert.Equal(0.5, result.Auc);
        Assert.Empty(result.TopColumns);
    }

    [Fact]
    public void A_change_in_the_missing_value_rate_alone_separates_the_sides()
    {
        var random = new Random(8);
        var current = SyntheticTables.Normal(random, 1000);
        for (var i = 0; i < current.Length; i += 3)
        {
            current[i] = double.NaN;
        }

        var result = DomainClassifier.Run(
            SyntheticTables.Of(new NumericColumn("noise", SyntheticTables.Normal(random, 1000)), new NumericColumn("a", SyntheticTables.Normal(random, 1000))),
            SyntheticTables.Of(new NumericColumn("noise", SyntheticTables.Normal(random, 1000)), new NumericColumn("a", current)),
            ["noise", "a"],
            new DomainClassifierOptions());

        Assert.True(result.Auc > 0.6, $"AUC {result.Auc}");
        Assert.Equal("a", result.TopColumns[0].Name);
    }

    [Fact]
    public void Datetime_columns_and_columns_of_another_kind_or_in_one_file_only_are_left_out()
    {
        // Each of these would separate the sides perfectly if it were used.
        var random = new Random(9);
        var reference = SyntheticTables.Of(
            new NumericColumn("when", [.. Enumerable.Range(0, 400).Select(i => (double)i)], ColumnKind.Datetime),
            new NumericColumn("code", [.. Enumerable.Repeat(1.0, 400)]),
            new NumericColumn("only_here", [.. Enumerable.Repeat(1.0, 400)]),
            new NumericColumn("a", SyntheticTables.Normal(random, 400)));
        var current = SyntheticTables.Of(
            new NumericColumn("when", [.. Enumerable.Range(1000, 400).Select(i => (double)i)], ColumnKind.Datetime),
            Metrics.TestTables.Text("code", [.. Enumerable.Repeat("B", 400)]),
            new NumericColumn("a", SyntheticTables.Normal(random, 400)));

        var result = DomainClassifier.Run(reference, current, ["when", "code", "only_here", "a"], new DomainClassifierOptions());

        Assert.True(result.Auc < 0.6, $"AUC {result.Auc}");
        Assert.All(result.TopColumns, column => Assert.Equal("a", column.Name));
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        var random = new Random(12);
        var table = SyntheticTables.Of(new NumericColumn("a", SyntheticTables.Normal(random, 100)));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DomainClassifier.Run(table, table, ["a"], new DomainClassifierOptions(), cancelled.Token));
    }
}
