namespace AdaptGate.Core.Metrics;

/// <summary>Area under the ROC curve, as sklearn's <c>roc_auc_score</c> computes it.</summary>
public static class RocAuc
{
    /// <summary>
    /// AUC by the rank-sum (Mann–Whitney) identity, O(n log n): tied scores get their average rank,
    /// which is exactly the trapezoid sklearn draws through tied thresholds. NaN when the labels hold
    /// one class only (sklearn raises there: the curve is undefined).
    /// </summary>
    public static double Compute(ReadOnlySpan<bool> actual, ReadOnlySpan<double> score)
    {
        if (actual.Length != score.Length)
        {
            throw new ArgumentException("Labels and scores differ in length.", nameof(score));
        }

        var n = actual.Length;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = score[i];
        }

        // Sorting the keys with the indices keeps it deterministic; ties are resolved by averaging below.
        Array.Sort(keys, order);

        long positives = 0;
        double positiveRankSum = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            // Ranks start..end-1 (0-based) share the 1-based average rank (start + 1 + end) / 2.
            var averageRank = (start + 1 + end) / 2.0;
            var positivesInGroup = 0;
            for (var k = start; k < end; k++)
            {
                if (actual[order[k]])
                {
                    positivesInGroup++;
                }
            }

            positives += positivesInGroup;
            positiveRankSum += positivesInGroup * averageRank;
            start = end;
        }

        long negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / ((double)positives * negatives);
    }
}
