using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>Kernel behaviour the sklearn fixtures do not pin down: ordering, determinism, hand-checked values.</summary>
public sealed class KernelTests
{
    [Fact]
    public void Auc_of_a_perfect_ranking_is_one_and_of_a_reversed_one_is_zero()
    {
        bool[] labels = [false, false, true, true];
        Assert.Equal(1.0, RocAuc.Compute(labels, [0.1, 0.2, 0.8, 0.9]));
        Assert.Equal(0.0, RocAuc.Compute(labels, [0.9, 0.8, 0.2, 0.1]));
    }

    [Fact]
    public void Auc_counts_a_tie_between_classes_as_half()
    {
        // One positive and one negative share a score: that pair counts 0.5, the other three pairs 1.
        Assert.Equal(3.5 / 4, RocAuc.Compute([false, false, true, true], [0.1, 0.5, 0.5, 0.9]));
    }

    [Fact]
    public void Auc_does_not_depend_on_row_order()
    {
        var random = new Random(7);
        var labels = new bool[2000];
        var scores = new double[2000];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.4;
            scores[i] = Math.Round(random.NextDouble() + (labels[i] ? 0.3 : 0), 1);
        }

        var reversedLabels = labels.Reverse().ToArray();
        var reversedScores = scores.Reverse().ToArray();
        Assert.Equal(RocAuc.Compute(labels, scores), RocAuc.Compute(reversedLabels, reversedScores));
    }

    [Fact]
    public void Binary_set_lists_metrics_in_a_fixed_order()
    {
        var set = BinaryMetrics.Compute([true, false], [true, true], [0.9, 0.6]);
        Assert.Equal(["auc", "accuracy", "f1", "precision", "recall", "log-loss"], set.Names);
        Assert.Equal(["accuracy", "f1", "precision", "recall"], BinaryMetrics.Compute([true], [true], null).Names);
    }

    [Fact]
    public void Log_loss_clips_certain_wrong_answers_at_float64_epsilon()
    {
        var loss = LogLoss.Binary([true], [0.0]);
        Assert.Equal(-Math.Log(LogLoss.Epsilon), loss, 12);
        Assert.Equal(LogLoss.Epsilon, Math.Pow(2, -52));
    }

    [Fact]
    public void Regression_with_constant_labels_gives_r2_one_when_perfect_and_zero_otherwise()
    {
        Assert.Equal(1.0, RegressionMetrics.Compute([2.0, 2.0], [2.0, 2.0])[MetricNames.R2]);
        Assert.Equal(0.0, RegressionMetrics.Compute([2.0, 2.0], [2.0, 3.0])[MetricNames.R2]);
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([], []));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([], [], null));
    }
}
