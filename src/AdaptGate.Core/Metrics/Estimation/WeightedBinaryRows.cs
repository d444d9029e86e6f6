namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Binary rows sorted by score, each a positive with weight <c>Positive</c> and a negative with weight
/// <c>Negative</c> (a label: 1 and 0; a calibrated probability: p and 1 − p), so that realized and expected
/// metrics are one computation, and a bootstrap replicate only reweights the rows.
/// </summary>
internal sealed class WeightedBinaryRows
{
    public WeightedBinaryRows(double[] score, bool[] predicted, double[] positive)
    {
        var order = new int[score.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Score = (double[])score.Clone();
        Array.Sort(Score, order);
        _order = order;
        Predicted = [.. order.Select(i => predicted[i])];
        Positive = [.. order.Select(i => positive[i])];
        Negative = [.. Positive.Select(p => 1 - p)];
    }

    private WeightedBinaryRows(WeightedBinaryRows rows, double[] positive)
    {
        (Score, Predicted, _order) = (rows.Score, rows.Predicted, rows._order);
        Positive = [.. _order.Select(i => positive[i])];
        Negative = [.. Positive.Select(p => 1 - p)];
    }

    // Where each sorted row came from, so other weights for the same rows need no second sort.
    private readonly int[] _order;

    /// <summary>The same rows (scores and predictions) with other positive weights, given in the rows' original order: the labels beside the expected probabilities.</summary>
    public WeightedBinaryRows WithPositive(double[] positive) => new(this, positive);

    public double[] Score { get; }

    public bool[] Predicted { get; }

    public double[] Positive { get; }

    public double[] Negative { get; }

    public int Count => Score.Length;

    /// <summary>The metrics a confidence-based estimate supports: auc and those of the confusion matrix.</summary>
    public static bool Supports(string metric) => metric is MetricNames.Auc or MetricNames.Accuracy or MetricNames.Precision or MetricNames.Recall or MetricNames.F1;

    /// <param name="metric">A metric <see cref="Supports"/> accepts.</param>
    /// <param name="multiplicity">How often each row (in sorted order) counts; empty counts each once.</param>
    public double Metric(string metric, ReadOnlySpan<int> multiplicity = default) => Metric(metric, Positive, Negative, multiplicity);

    /// <summary>The metric with other positive and negative weights per row (in sorted order): labels drawn for the rows, say.</summary>
    public double Metric(string metric, ReadOnlySpan<double> positive, ReadOnlySpan<double> negative, ReadOnlySpan<int> multiplicity = default)
    {
        if (metric == MetricNames.Auc)
        {
            return WeightedAuc.Compute(Score, positive, negative, multiplicity);
        }

        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < Count; i++)
        {
            var m = multiplicity.IsEmpty ? 1 : multiplicity[i];
            if (Predicted[i])
            {
                tp += m * positive[i];
                fp += m * negative[i];
            }
            else
            {
                fn += m * positive[i];
                tn += m * negative[i];
            }
        }

        return FromConfusion(metric, tp, fp, fn, tn);
    }

    /// <summary>The metric over the rows a bootstrap replicate drew (positions in sorted order), each counted as often as drawn.</summary>
    public double Metric(string metric, RowDraw draw)
    {
        if (metric == MetricNames.Auc)
        {
            // A row drawn twice is two rows of one score, which the auc's ties merge: the same as counting it twice.
            var rows = draw.Ascending;
            var score = new double[rows.Length];
            var positive = new double[rows.Length];
            var negative = new double[rows.Length];
            for (var k = 0; k < rows.Length; k++)
            {
                (score[k], positive[k], negative[k]) = (Score[rows[k]], Positive[rows[k]], Negative[rows[k]]);
            }

            return WeightedAuc.Compute(score, positive, negative);
        }

        double tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var i in draw.Rows)
        {
            if (Predicted[i])
            {
                tp += Positive[i];
                fp += Negative[i];
            }
            else
            {
                fn += Positive[i];
                tn += Negative[i];
            }
        }

        return FromConfusion(metric, tp, fp, fn, tn);
    }

    private static double FromConfusion(string metric, double tp, double fp, double fn, double tn)
    {
        var precision = tp / (tp + fp);
        var recall = tp / (tp + fn);
        return metric switch
        {
            MetricNames.Accuracy => (tp + tn) / (tp + fp + fn + tn),
            MetricNames.Precision => precision,
            MetricNames.Recall => recall,
            _ => 2 * precision * recall / (precision + recall),
        };
    }
}
