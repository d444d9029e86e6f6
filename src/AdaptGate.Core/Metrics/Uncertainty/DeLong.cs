namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (1988): the AUC and its variance from the placement values of
/// each positive and each negative, computed with midranks in O(n log n) (Sun and Xu, 2014).
/// </summary>
public static class DeLong
{
    /// <returns>The AUC (ties count one half, as sklearn) and its variance; both NaN with one class only.</returns>
    public static (double Auc, double Variance) Compute(ReadOnlySpan<bool> actual, ReadOnlySpan<double> score)
    {
        if (actual.Length != score.Length)
        {
            throw new ArgumentException("Labels and scores differ in length.", nameof(score));
        }

        var positives = new List<double>();
        var negatives = new List<double>();
        for (var i = 0; i < actual.Length; i++)
        {
            (actual[i] ? positives : negatives).Add(score[i]);
        }

        var m = positives.Count;
        var n = negatives.Count;
        if (m == 0 || n == 0)
        {
            return (double.NaN, double.NaN);
        }

        var all = new double[m + n];
        positives.CopyTo(all, 0);
        negatives.CopyTo(all, m);
        var combined = Midranks(all);
        var withinPositives = Midranks([.. positives]);
        var withinNegatives = Midranks([.. negatives]);

        // Placement of a positive: the share of negatives it outranks; of a negative: the share of positives above it.
        var v10 = new double[m];
        double rankSum = 0;
        for (var i = 0; i < m; i++)
        {
            rankSum += combined[i];
            v10[i] = (combined[i] - withinPositives[i]) / n;
        }

        var v01 = new double[n];
        for (var j = 0; j < n; j++)
        {
            v01[j] = 1 - ((combined[m + j] - withinNegatives[j]) / m);
        }

        var auc = (rankSum - (m * (m + 1.0) / 2)) / ((double)m * n);
        var variance = (SampleVariance(v10) / m) + (SampleVariance(v01) / n);
        return (auc, variance);
    }

    /// <summary>1-based ranks, tied values sharing their average rank.</summary>
    private static double[] Midranks(double[] values)
    {
        var order = new int[values.Length];
        var keys = (double[])values.Clone();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>Variance with n − 1 in the denominator (numpy's ddof=1); 0 for a single value.</summary>
    private static double SampleVariance(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double mean = 0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double sum = 0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / (values.Length - 1);
    }
}
