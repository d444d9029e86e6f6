namespace AdaptGate.Core.Metrics;

/// <summary>Multiclass metrics on arrays of class indices 0..k−1.</summary>
public static class MulticlassMetrics
{
    /// <summary>
    /// micro-accuracy (share of rows predicted right, sklearn's <c>accuracy_score</c>), macro-accuracy
    /// (mean recall over the classes present in the labels: ML.NET's MacroAccuracy, sklearn's
    /// <c>balanced_accuracy_score</c>), and with probabilities log-loss.
    /// </summary>
    /// <param name="actual">True class index per row.</param>
    /// <param name="predicted">Predicted class index per row.</param>
    /// <param name="classCount">k: every index is below it.</param>
    /// <param name="probabilities">Row-major n × k class probabilities, or null.</param>
    public static MetricSet Compute(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount, double[]? probabilities)
    {
        if (actual.Length != predicted.Length || (probabilities is not null && probabilities.Length != (long)actual.Length * classCount))
        {
            throw new ArgumentException("Labels, predictions and probabilities differ in length.", nameof(predicted));
        }

        if (actual.Length == 0)
        {
            throw new ArgumentException("No rows to compute metrics on.", nameof(actual));
        }

        var support = new long[classCount];
        var hits = new long[classCount];
        long correct = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            support[actual[i]]++;
            if (actual[i] == predicted[i])
            {
                hits[actual[i]]++;
                correct++;
            }
        }

        double recallSum = 0;
        var present = 0;
        for (var k = 0; k < classCount; k++)
        {
            if (support[k] > 0)
            {
                recallSum += (double)hits[k] / support[k];
                present++;
            }
        }

        var set = new MetricSet
        {
            { MetricNames.MicroAccuracy, (double)correct / actual.Length },
            { MetricNames.MacroAccuracy, recallSum / present },
        };
        if (probabilities is not null)
        {
            set.Add(MetricNames.LogLoss, LogLoss.Multiclass(actual, probabilities, classCount));
        }

        return set;
    }
}
