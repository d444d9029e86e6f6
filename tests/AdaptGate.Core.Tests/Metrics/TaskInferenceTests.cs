using AdaptGate.Core.Metrics;
using static AdaptGate.Core.Tests.Metrics.TestTables;

namespace AdaptGate.Core.Tests.Metrics;

public sealed class TaskInferenceTests
{
    [Fact]
    public void Two_values_are_binary()
    {
        var inferred = TaskInference.Infer(Numbers("repaid", 0, 1, 1, double.NaN));
        Assert.Equal(MetricTask.Binary, inferred.Task);
        Assert.Equal("label 'repaid' has 2 distinct values (0, 1): binary", inferred.Reason);
        Assert.Equal(MetricTask.Binary, TaskInference.Infer(Text("y", "yes", "no")).Task);
        Assert.Equal(MetricTask.Binary, TaskInference.Infer(Booleans("y", true, true)).Task);
    }

    [Fact]
    public void Non_integer_numbers_are_regression()
    {
        var inferred = TaskInference.Infer(Numbers("price", 1, 2, 2.5));
        Assert.Equal(MetricTask.Regression, inferred.Task);
        Assert.Contains("non-integer", inferred.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_integers_are_regression_and_few_are_classes()
    {
        var many = Enumerable.Range(0, 21).Select(i => (double)i).ToArray();
        Assert.Equal(MetricTask.Regression, TaskInference.Infer(Numbers("count", many)).Task);
        Assert.Equal(MetricTask.Multiclass, TaskInference.Infer(Numbers("grade", many[..20])).Task);
    }

    [Fact]
    public void A_few_text_values_are_multiclass()
    {
        var inferred = TaskInference.Infer(Text("species", "setosa", "versicolor", "virginica", "setosa"));
        Assert.Equal(MetricTask.Multiclass, inferred.Task);
        Assert.Equal("label 'species' has 3 distinct values: multiclass", inferred.Reason);
    }

    [Fact]
    public void A_label_with_no_values_is_bad_input()
    {
        var error = Assert.Throws<InputException>(() => TaskInference.Infer(Numbers("y", double.NaN), "data.csv"));
        Assert.Equal("data.csv", error.FilePath);
        Assert.Equal("y", error.Column);
    }
}
