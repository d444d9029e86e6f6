using AdaptGate.Core.Metrics;
using static AdaptGate.Core.Tests.Metrics.TestTables;

namespace AdaptGate.Core.Tests.Metrics;

public sealed class StoredPredictionMetricsTests
{
    private static readonly PredictionColumns LabelAndPrediction = new("y", "p", null);

    [Fact]
    public void Missing_column_names_the_file_the_column_and_the_columns_there_are()
    {
        var table = Of(Numbers("y", 0, 1), Numbers("p", 0, 1));
        var error = Assert.Throws<InputException>(() =>
            StoredPredictionMetrics.Compute(table, new PredictionColumns("y", "pred", null), task: null));

        Assert.Equal("test.csv", error.FilePath);
        Assert.Equal("pred", error.Column);
        Assert.Contains("y, p", error.Message, StringComparison.Ordinal);
        Assert.Contains("--prediction", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_without_label_prediction_or_probability_are_skipped_and_counted()
    {
        var table = Of(
            Numbers("y", 1, double.NaN, 0, 1, 0),
            Numbers("p", 1, 1, double.NaN, 1, 0),
            Numbers("prob", 0.9, 0.8, 0.3, double.NaN, 0.2));

        var result = StoredPredictionMetrics.Compute(table, new PredictionColumns("y", "p", "prob"), task: null);

        Assert.Equal(2, result.RowsUsed);
        Assert.Equal(3, result.RowsSkipped);
        Assert.Equal(1.0, result.Values[MetricNames.Accuracy]);
    }

    [Fact]
    public void Boolean_label_is_positive_when_true_and_compares_with_0_1_predictions()
    {
        var table = Of(Booleans("y", true, false, true, false), Numbers("p", 1, 0, 0, 0));
        var result = StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null);

        Assert.Equal(MetricTask.Binary, result.Task);
        Assert.Equal(0.75, result.Values[MetricNames.Accuracy]);
        Assert.Equal(0.5, result.Values[MetricNames.Recall]);
        Assert.Equal(1.0, result.Values[MetricNames.Precision]);
    }

    [Fact]
    public void Text_label_with_a_conventional_positive_needs_no_option()
    {
        var table = Of(Text("y", "Yes", "no", "Yes", "no"), Text("p", "Yes", "Yes", "Yes", "no"));
        var result = StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null);

        Assert.Equal(1.0, result.Values[MetricNames.Recall]);
        Assert.Equal(2.0 / 3, result.Values[MetricNames.Precision], 12);
    }

    [Fact]
    public void Text_label_without_a_conventional_positive_asks_for_positive_class()
    {
        var table = Of(Text("y", "cat", "dog", "dog"), Text("p", "cat", "cat", "dog"));
        var error = Assert.Throws<InputException>(() => StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null));
        Assert.Contains("--positive-class", error.Hint, StringComparison.Ordinal);

        var result = StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null, positiveClass: "dog");
        Assert.Equal(0.5, result.Values[MetricNames.Recall]);
        Assert.Equal(1.0, result.Values[MetricNames.Precision]);
    }

    [Fact]
    public void Numeric_binary_label_must_be_0_or_1()
    {
        var table = Of(Numbers("y", 0, 2, 0), Numbers("p", 0, 1, 0));
        var error = Assert.Throws<InputException>(() =>
            StoredPredictionMetrics.Compute(table, LabelAndPrediction, MetricTask.Binary));

        Assert.Equal(3, error.Line);
        Assert.Equal("y", error.Column);
    }

    [Fact]
    public void Prediction_with_a_third_value_is_reported_with_its_line()
    {
        var table = Of(Text("y", "yes", "no", "no"), Text("p", "yes", "no", "maybe"));
        var error = Assert.Throws<InputException>(() => StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null));

        Assert.Equal(4, error.Line);
        Assert.Equal("p", error.Column);
        Assert.Contains("maybe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probability_outside_0_1_names_file_line_column_and_value()
    {
        var table = Of(Numbers("y", 0, 1, 1), Numbers("p", 0, 1, 1), Numbers("prob", 0.1, 0.9, 1.5));
        var error = Assert.Throws<InputException>(() =>
            StoredPredictionMetrics.Compute(table, new PredictionColumns("y", "p", "prob"), task: null));

        Assert.Equal("test.csv", error.FilePath);
        Assert.Equal(4, error.Line);
        Assert.Equal("prob", error.Column);
        Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiclass_text_labels()
    {
        var table = Of(Text("y", "a", "b", "c", "c", "b"), Text("p", "a", "c", "c", "c", "b"));
        var result = StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null);

        Assert.Equal(MetricTask.Multiclass, result.Task);
        Assert.Equal(0.8, result.Values[MetricNames.MicroAccuracy], 12);
        Assert.Equal((1 + 0.5 + 1) / 3.0, result.Values[MetricNames.MacroAccuracy], 12);
    }

    [Fact]
    public void Multiclass_refuses_a_single_probability_column()
    {
        var table = Of(Text("y", "a", "b", "c"), Text("p", "a", "b", "c"), Numbers("prob", 0.5, 0.5, 0.5));
        var error = Assert.Throws<InputException>(() =>
            StoredPredictionMetrics.Compute(table, new PredictionColumns("y", "p", "prob"), task: null));
        Assert.Equal("prob", error.Column);
    }

    [Fact]
    public void Regression_from_numeric_columns()
    {
        var table = Of(Numbers("y", 1.5, 2.5, 3.5, 4.5), Numbers("p", 1.5, 2.0, 4.5, 4.5));
        var result = StoredPredictionMetrics.Compute(table, LabelAndPrediction, task: null);

        Assert.Equal(MetricTask.Regression, result.Task);
        Assert.Equal(Math.Sqrt(1.25 / 4), result.Values[MetricNames.Rmse], 12);
        Assert.Equal(1.5 / 4, result.Values[MetricNames.Mae], 12);
    }

    [Fact]
    public void Regression_refuses_a_text_prediction()
    {
        var table = Of(Numbers("y", 1.5, 2.5, 3.5), Text("p", "x", "y", "z"));
        var error = Assert.Throws<InputException>(() =>
            StoredPredictionMetrics.Compute(table, LabelAndPrediction, MetricTask.Regression));
        Assert.Equal("p", error.Column);
    }
}
