namespace AdaptGate.Core.Tests.Policy;

/// <summary>Values of the right type but outside what the rule can mean: named by line, path and allowed range.</summary>
public sealed class PolicyRangeTests
{
    [Theory]
    [InlineData("\"seed\": -1", "$.seed", "at least 0")]
    [InlineData("\"drift\": { \"thresholds\": { \"ks\": 0 } }", "$.drift.thresholds.ks", "greater than 0 and less than 1")]
    [InlineData("\"drift\": { \"thresholds\": { \"ks\": 1 } }", "$.drift.thresholds.ks", "greater than 0 and less than 1")]
    [InlineData("\"drift\": { \"thresholds\": { \"chiSquare\": 1.5 } }", "$.drift.thresholds.chiSquare", "greater than 0 and less than 1")]
    [InlineData("\"drift\": { \"thresholds\": { \"psi\": 0 } }", "$.drift.thresholds.psi", "greater than 0")]
    [InlineData("\"drift\": { \"thresholds\": { \"wasserstein\": -0.1 } }", "$.drift.thresholds.wasserstein", "greater than 0")]
    [InlineData("\"drift\": { \"thresholds\": { \"jensenShannon\": 0.9 } }", "$.drift.thresholds.jensenShannon", "greater than 0 and at most 0.8326")]
    [InlineData("\"columns\": { \"age\": { \"weight\": -1 } }", "$.columns.age.weight", "at least 0")]
    [InlineData("\"columns\": { \"age\": { \"method\": \"ks\", \"threshold\": 2 } }", "$.columns.age.threshold", "greater than 0 and less than 1")]
    [InlineData("\"columns\": { \"age\": { \"method\": \"jensenshannon\", \"threshold\": 1 } }", "$.columns.age.threshold", "greater than 0 and at most 0.8326")]
    [InlineData("\"columns\": { \"age\": { \"threshold\": 0 } }", "$.columns.age.threshold", "greater than 0")]
    [InlineData("\"rules\": { \"metricDrop\": { \"absoluteDrop\": 0 } }", "$.rules.metricDrop.absoluteDrop", "greater than 0 and at most 1")]
    [InlineData("\"rules\": { \"metricCollapse\": { \"absoluteDrop\": 1.2 } }", "$.rules.metricCollapse.absoluteDrop", "greater than 0 and at most 1")]
    [InlineData("\"rules\": { \"metricDrop\": { \"relativeDrop\": 0 } }", "$.rules.metricDrop.relativeDrop", "greater than 0")]
    [InlineData("\"rules\": { \"metricDropDiverged\": { \"driftShare\": 0 } }", "$.rules.metricDropDiverged.driftShare", "greater than 0 and at most 1")]
    [InlineData("\"rules\": { \"driftShareSevere\": { \"driftShare\": 1.01 } }", "$.rules.driftShareSevere.driftShare", "greater than 0 and at most 1")]
    [InlineData("\"rules\": { \"domainSeparable\": { \"auc\": 0.5 } }", "$.rules.domainSeparable.auc", "greater than 0.5 and at most 1")]
    [InlineData("\"rules\": { \"fineTuneStreak\": { \"maxFineTunes\": 0 } }", "$.rules.fineTuneStreak.maxFineTunes", "at least 1")]
    [InlineData("\"rules\": { \"tooLittleData\": { \"minRows\": -5 } }", "$.rules.tooLittleData.minRows", "at least 0")]
    [InlineData("\"domainClassifier\": { \"maxRowsPerSide\": 99 }", "$.domainClassifier.maxRowsPerSide", "at least 100")]
    [InlineData("\"domainClassifier\": { \"folds\": 1 }", "$.domainClassifier.folds", "from 2 to 20")]
    [InlineData("\"domainClassifier\": { \"folds\": 21 }", "$.domainClassifier.folds", "from 2 to 20")]
    [InlineData("\"metrics\": { \"floors\": { \"auc\": 1.5 } }", "$.metrics.floors.auc", "from 0 to 1")]
    [InlineData("\"metrics\": { \"floors\": { \"rmse\": -1 } }", "$.metrics.floors.rmse", "at least 0")]
    [InlineData("\"metrics\": { \"floors\": { \"r2\": 2 } }", "$.metrics.floors.r2", "at most 1")]
    [InlineData("\"metrics\": { \"bootstrap\": { \"resamples\": 99 } }", "$.metrics.bootstrap.resamples", "at least 100")]
    [InlineData("\"metrics\": { \"bootstrap\": { \"level\": 1 } }", "$.metrics.bootstrap.level", "greater than 0.5 and less than 1")]
    [InlineData("\"rules\": { \"targetDrift\": { \"alpha\": 0 } }", "$.rules.targetDrift.alpha", "greater than 0 and less than 1")]
    [InlineData("\"rules\": { \"targetDrift\": { \"minChange\": 1 } }", "$.rules.targetDrift.minChange", "from 0 to less than 1")]
    [InlineData("\"decision\": { \"trialFolds\": 0 }", "$.decision.trialFolds", "from 1 to 5")]
    [InlineData("\"decision\": { \"trialFolds\": 6 }", "$.decision.trialFolds", "from 1 to 5")]
    public void Out_of_range_names_line_path_and_range(string member, string path, string range)
    {
        // The value sits on line 3, after a comment line.
        var json = "{\n  // tuned for the car-loan model\n  " + member + "\n}";

        var (error, text) = PolicyParse.Error(json);

        Assert.Equal(3, error.Line);
        Assert.Contains($" at {path} is out of range: it must be {range}.", text, StringComparison.Ordinal);
        Assert.StartsWith("adaptgate.json:3: The value ", text, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Range_error_on_a_later_line_of_a_nested_object()
    {
        const string json = """
            {
              "rules": {
                "metricDrop": {
                  "enabled": true,
                  "absoluteDrop": 1.50
                }
              }
            }
            """;

        var (error, text) = PolicyParse.Error(json);

        Assert.Equal(5, error.Line);
        Assert.Equal(
            "adaptgate.json:5: The value 1.50 at $.rules.metricDrop.absoluteDrop is out of range: it must be greater than 0 and at most 1. " +
            "It is the drop of a score in the metric's units: 0.02 is two points of AUC or accuracy.",
            text);
    }

    [Theory]
    [InlineData("\"ignore\": [\"id\", \"\"]", "The column name at $.ignore[1] is empty.")]
    [InlineData("\"columns\": { \"\": { \"ignore\": true } }", "The column name at $.columns[''] is empty.")]
    [InlineData("\"columns\": { \"age\": null }", "The value at $.columns.age must be an object ({ ... }), not null.")]
    [InlineData("\"target\": { \"label\": \" \" }", "The value at $.target.label is empty.")]
    [InlineData("\"target\": { \"label\": \"y\", \"prediction\": \"y\" }", "The label and the prediction are the same column ('y').")]
    [InlineData("\"target\": { \"task\": \"classification\" }", "Unknown task 'classification' at $.target.task.")]
    [InlineData("\"metrics\": { \"primary\": \"aucc\" }", "Unknown metric 'aucc' at $.metrics.primary.")]
    [InlineData("\"metrics\": { \"floors\": { \"AUC\": 0.8, \"auc\": 0.7 } }", "The floor of 'auc' is given twice in $.metrics.floors (metric names ignore case).")]
    [InlineData("\"history\": { \"path\": \"\" }", "The value at $.history.path is empty.")]
    [InlineData("\"history\": { \"gate\": \" \" }", "The value at $.history.gate is empty.")]
    public void Names_that_cannot_be_used(string member, string message)
    {
        var (error, text) = PolicyParse.Error("{\n\n  " + member + "\n}");

        Assert.Equal(3, error.Line);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_metric_suggests_the_closest_and_lists_the_known_ones()
    {
        var (_, text) = PolicyParse.Error("{\"metrics\": {\"primary\": \"f2\"}}");

        Assert.Contains("Did you mean 'f1'?", text, StringComparison.Ordinal);
        Assert.Contains("Known metrics: auc, accuracy, f1, precision, recall, log-loss, micro-accuracy, macro-accuracy, rmse, mae, mse, r2.", text, StringComparison.Ordinal);
    }
}
