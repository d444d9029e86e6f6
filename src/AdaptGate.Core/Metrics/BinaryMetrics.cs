namespace AdaptGate.Core.Metrics;

/// <summary>Binary classification metrics on arrays, matching scikit-learn's definitions.</summary>
public static class BinaryMetrics
{
    /// <summary>
    /// accuracy, f1, precision and recall of the positive class; with probabilities also auc and log-loss.
    /// Precision, recall and f1 are 0 when undefined (no predicted positives, no actual positives), as
    /// sklearn with <c>zero_division=0</c>. auc is NaN when the labels hold one class only.
    /// </summary>
    /// <param name="actual">True labels, true = positive class.</param>
    /// <param name="predicted">Predicted labels.</param>
    /// <param name="probability">Probability of the positive class per row, or null when there is none.</param>
    public static MetricSet Compute(ReadOnlySpan<bool> actual, ReadOnlySpan<bool> predicted, double[]? probability)
    {
        if (actual.Length != predicted.Length || (probability is not null && probability.Length != actual.Length))
        {
            throw new ArgumentException("Labels, predictions and probabilities differ in length.", nameof(predicted));
        }

        if (actual.Length == 0)
        {
            throw new ArgumentException("No rows to compute metrics on.", nameof(actual));
        }

        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (predicted[i])
            {
                if (actual[i]) { tp++; } else { fp++; }
            }
            else
            {
                if (actual[i]) { fn++; } else { tn++; }
            }
        }

        var precision = tp + fp == 0 ? 0.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0.0 : (double)tp / (tp + fn);

        // sklearn's f1 is 2·tp / (2·tp + fp + fn), which is 0 (not NaN) when tp = 0.
        var f1 = 2 * tp + fp + fn == 0 ? 0.0 : 2.0 * tp / (2 * tp + fp + fn);

        var set = new MetricSet();
        if (probability is not null)
        {
            set.Add(MetricNames.Auc, RocAuc.Compute(actual, probability));
        }

        set.Add(MetricNames.Accuracy, (double)(tp + tn) / actual.Length);
        set.Add(MetricNames.F1, f1);
        set.Add(MetricNames.Precision, precision);
        set.Add(MetricNames.Recall, recall);
        if (probability is not null)
        {
            set.Add(MetricNames.LogLoss, LogLoss.Binary(actual, probability));
        }

        return set;
    }
}
