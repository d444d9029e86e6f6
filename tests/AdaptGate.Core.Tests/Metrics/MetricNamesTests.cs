using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Metrics;

public sealed class MetricNamesTests
{
    [Theory]
    [InlineData("LogLoss", "log-loss")]
    [InlineData("log_loss", "log-loss")]
    [InlineData("ROC_AUC", "auc")]
    [InlineData("roc-auc", "auc")]
    [InlineData("auc_roc", "auc")]
    [InlineData("R_Squared", "r2")]
    [InlineData("r^2", "r2")]
    [InlineData("Accuracy", "accuracy")]
    [InlineData("val_loss", "val_loss")]
    public void Normalize_lower_cases_and_maps_aliases(string name, string expected) =>
        Assert.Equal(expected, MetricNames.Normalize(name));

    [Fact]
    public void Set_lookup_ignores_case_and_treats_accuracy_as_micro_accuracy()
    {
        var set = new MetricSet { { "micro-accuracy", 0.8 }, { "macro-accuracy", 0.7 } };
        Assert.Equal(0.8, set["MICRO-ACCURACY"]);
        Assert.Equal(0.8, set["accuracy"]);
        Assert.False(set.Contains("auc"));
        Assert.Throws<ArgumentException>(() => set.Add("Macro-Accuracy", 1));
        Assert.Throws<KeyNotFoundException>(() => set["auc"]);
    }

    [Theory]
    [InlineData("auc", true)]
    [InlineData("accuracy", true)]
    [InlineData("micro-accuracy", true)]
    [InlineData("macro-accuracy", true)]
    [InlineData("f1", true)]
    [InlineData("precision", true)]
    [InlineData("recall", true)]
    [InlineData("r2", true)]
    [InlineData("rmse", false)]
    [InlineData("mae", false)]
    [InlineData("mse", false)]
    [InlineData("log-loss", false)]
    [InlineData("LogLoss", false)]
    public void Direction_is_known_for_every_computed_metric(string name, bool higherIsBetter) =>
        Assert.Equal(higherIsBetter, MetricDirection.HigherIsBetter(name));

    [Fact]
    public void Direction_of_an_unknown_metric_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => MetricDirection.HigherIsBetter("val_loss"));
        Assert.False(MetricDirection.TryHigherIsBetter("val_loss", out _));
    }

    [Fact]
    public void Drop_is_absolute_for_scores_and_relative_for_errors()
    {
        Assert.Equal(0.07, MetricDrop.Compute("auc", 0.91, 0.84), 12);
        Assert.Equal(-0.05, MetricDrop.Compute("r2", 0.5, 0.55), 12);
        Assert.Equal(0.25, MetricDrop.Compute("rmse", 2.0, 2.5), 12);
        Assert.Equal(-0.5, MetricDrop.Compute("log-loss", 0.4, 0.2), 12);
        Assert.Equal(0.3, MetricDrop.Compute("mae", 0.0, 0.3), 12);
        Assert.Equal(0.0, MetricDrop.Compute("mse", 0.0, 0.0));
    }

    [Fact]
    public void Primary_metric_per_task()
    {
        Assert.Equal("auc", MetricDefaults.Primary(MetricTask.Binary, hasProbability: true));
        Assert.Equal("accuracy", MetricDefaults.Primary(MetricTask.Binary, hasProbability: false));
        Assert.Equal("micro-accuracy", MetricDefaults.Primary(MetricTask.Multiclass, hasProbability: true));
        Assert.Equal("rmse", MetricDefaults.Primary(MetricTask.Regression, hasProbability: false));
    }
}
