using AdaptGate.Core.Data;
using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Tests.Multivariate;

public sealed class DomainClassifierTests
{
    private static readonly string[] CarLoanFeatures =
        ["car_value", "salary_range", "debt_to_income_ratio", "loan_length", "repaid_loan_on_prev_car", "size_of_downpayment", "driver_tenure"];

    /// <summary>The columns the samples README says move after the shift.</summary>
    private static readonly string[] CarLoanShiftedColumns = ["car_value", "loan_length", "salary_range", "repaid_loan_on_prev_car"];

    private static readonly Lazy<DataTable> CarLoanReference = new(() => TableReader.Read(SampleData.CarLoan("reference.csv")));

    [Fact]
    public void Two_random_halves_of_the_same_file_are_not_separable()
    {
        var reference = CarLoanReference.Value;
        var order = Enumerable.Range(0, reference.RowCount).ToArray();
        new Random(11).Shuffle(order);
        var half = reference.RowCount / 2;
        var first = SyntheticTables.Rows(reference, [.. order[..half].Order()]);
        var second = SyntheticTables.Rows(reference, [.. order[half..].Order()]);

        var result = DomainClassifier.Run(first, second, CarLoanFeatures, new DomainClassifierOptions(MaxRowsPerSide: 2000));

        Assert.InRange(result.Auc, 0.45, 0.56);
    }

    [Fact]
    public void A_numeric_column_shifted_by_one_deviation_separates_the_sides_and_ranks_first()
    {
        var random = new Random(1);
        var reference = SyntheticTables.Of(
            new NumericColumn("a", SyntheticTables.Normal(random, 1500)),
            new NumericColumn("b", SyntheticTables.Normal(random, 1500)),
            new NumericColumn("c", SyntheticTables.Normal(random, 1500)));
        var current = SyntheticTables.Of(
            new NumericColumn("a", SyntheticTables.Normal(random, 1500)),
            new NumericColumn("b", SyntheticTables.Normal(random, 1500, mean: 1)),
            new NumericColumn("c", SyntheticTables.Normal(random, 1500)));

        var result = DomainClassifier.Run(reference, current, ["a", "b", "c"], new DomainClassifierOptions());

        Assert.True(result.Auc > 0.7, $"AUC {result.Auc}");
        Assert.Equal("b", result.TopColumns[0].Name);
    }

    [Fact]
    public void A_correlation_that_appears_with_unchanged_marginals_is_found_by_the_trees()
    {
        // Each column alone has the same N(0, 1) on both sides: only the joint distribution moves.
        var random = new Random(2);
        var x0 = SyntheticTables.Normal(random, 2000);
        var y0 = SyntheticTables.Normal(random, 2000);
        var x1 = SyntheticTables.Normal(random, 2000);
        var noise = SyntheticTables.Normal(random, 2000);
        var y1 = x1.Zip(noise, (x, e) => (0.8 * x) + (0.6 * e)).ToArray();
        var reference = SyntheticTables.Of(new NumericColumn("x", x0), new NumericColumn("y", y0));
        var current = SyntheticTables.Of(new NumericColumn("x", x1), new NumericColumn("y", y1));

        var result = DomainClassifier.Run(reference, current, ["x", "y"], new DomainClassifierOptions());

        Assert.True(result.Auc > 0.65, $"AUC {result.Auc}");
    }

    [Fact]
    public void A_shift_in_a_categorical_column_ranks_it_first()
    {
        var random = new Random(3);
        string[] colors = ["red", "green", "blue"];
        var reference = SyntheticTables.Of(
            new NumericColumn("size", SyntheticTables.Normal(random, 1500)),
            SyntheticTables.Categories("color", random, 1500, colors, [0.6, 0.3, 0.1]),
            SyntheticTables.Categories("shape", random, 1500, ["round", "square"], [0.5, 0.5]));
        // The current file meets its categories in another order, so its codes mean other things.
        var current = SyntheticTables.Of(
            new NumericColumn("size", SyntheticTables.Normal(random, 1500)),
            SyntheticTables.Categories("color", random, 1500, ["blue", "green", "red"], [0.4, 0.3, 0.3]),
            SyntheticTables.Categories("shape", random, 1500, ["square", "round"], [0.5, 0.5]));

        var result = DomainClassifier.Run(reference, current, ["size", "color", "shape"], new DomainClassifierOptions());

        Assert.True(result.Auc > 0.6, $"AUC {result.Auc}");
        Assert.Equal("color", result.TopColumns[0].Name);
    }

    [Fact]
    public void The_shipped_shifted_sample_is_separable_and_a_shifted_column_ranks_first()
    {
        var current = TableReader.Read(SampleData.CarLoan("current.csv"));

        var result = DomainClassifier.Run(CarLoanReference.Value, current, CarLoanFeatures, new DomainClassifierOptions(MaxRowsPerSide: 2000));

        Assert.True(result.Auc > 0.6, $"AUC {result.Auc}");
        Assert.Contains(result.TopColumns[0].Name, CarLoanShiftedColumns);
    }

    [Fact]
    public void The_shipped_stable_sample_is_not_separable()
    {
        var current = TableReader.Read(SampleData.CarLoan("current-stable.csv"));

        var result = DomainClassifier.Run(CarLoanReference.Value, current, CarLoanFeatures, new DomainClassifierOptions(MaxRowsPerSide: 2000));

        Assert.True(result.Auc < 0.56, $"AUC {result.Auc}");
    }

    [Fact]
    public void The_same_inputs_and_seed_give_identical_results()
    {
        var current = TableReader.Read(SampleData.CarLoan("current.csv"));
        var options = new DomainClassifierOptions(MaxRowsPerSide: 1000, Seed: 42);

        var first = DomainClassifier.Run(CarLoanReference.Value, current, CarLoanFeatures, options);
        var second = DomainClassifier.Run(CarLoanReference.Value, current, CarLoanFeatures, options);

        Assert.Equal(first.Auc, second.Auc);
        Assert.Equal(first.TopColumns.Count, second.TopColumns.Count);
        for (var i = 0; i < first.TopColumns.Count; i++)
        {
            Assert.Equal(first.TopColumns[i].Name, second.TopColumns[i].Name);
            Assert.Equal(first.TopColumns[i].Importance, second.TopColumns[i].Importance);
        }
    }

    [Fact]
    public void Importances_are_shares_that_sum_to_at_most_one_largest_first()
    {
        var current = TableReader.Read(SampleData.CarLoan("current.csv"));

        var result = DomainClassifier.Run(CarLoanReference.Value, current, CarLoanFeatures, new DomainClassifierOptions(MaxRowsPerSide: 1000));

        Assert.InRange(result.TopColumns.Count, 1, 5);
        Assert.InRange(result.TopColumns.Sum(c => c.Importance), 0.5, 1 + 1e-12);
        Assert.Equal(result.TopColumns.OrderByDescending(c => c.Importance).Select(c => c.Name), result.TopColumns.Select(c => c.Name));
    }

    [Fact]
    public void Sampling_caps_the_rows_of_each_side()
    {
        var current = TableReader.Read(SampleData.CarLoan("current-stable.csv"));

        var result = DomainClassifier.Run(CarLoanReference.Value, current, CarLoanFeatures, new DomainClassifierOptions(MaxRowsPerSide: 1000, Folds: 3));

        Assert.Equal(1000, result.ReferenceRows);
        Assert.Equal(1000, result.CurrentRows);
        Assert.Equal(3, result.Folds);
    }

    [Fact]
    public void Sides_of_different_sizes_use_their_natural_sizes()
    {
        var random = new Random(4);
        var reference = SyntheticTables.Of(new NumericColumn("a", SyntheticTables.Normal(random, 300)));
        var current = SyntheticTables.Of(new NumericColumn("a", SyntheticTables.Normal(random, 120)));

        var result = DomainClassifier.Run(reference, current, ["a"], new DomainClassifierOptions());

        Assert.Equal(300, result.ReferenceRows);
        Assert.Equal(120, result.CurrentRows);
    }
}
