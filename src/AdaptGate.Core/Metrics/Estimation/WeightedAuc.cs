namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// The area under the ROC curve when each row counts as a positive with weight <c>p</c> and as a negative with
/// weight <c>q</c>: with p = label and q = 1 − label it is the realized AUC (sklearn's <c>roc_auc_score</c>); with
/// p the calibrated probability and q = 1 − p it is the AUC the model is expected to have (NannyML's CBPE draws
/// the same curve by cumulative sums and the trapezoid rule). Tied scores are one threshold, so a tie counts half.
/// Rows are given sorted by score once; a bootstrap replicate only changes the multiplicities.
/// </summary>
internal static class WeightedAuc
{
    /// <param name="sortedScore">Scores in ascending order.</param>
    /// <param name="positive">Positive weight of each row, in the same order.</param>
    /// <param name="negative">Negative weight of each row, in the same order.</param>
    /// <param name="multiplicity">How often each row counts (a bootstrap replicate), or empty for once each.</param>
    /// <returns>NaN when either class has no weight.</returns>
    public static double Compute(ReadOnlySpan<double> sortedScore, ReadOnlySpan<double> positive, ReadOnlySpan<double> negative, ReadOnlySpan<int> multiplicity = default)
    {
        double negativeBelow = 0, totalPositive = 0, area = 0;
        var n = sortedScore.Length;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && sortedScore[end] == sortedScore[start])
            {
                end++;
            }

            double groupPositive = 0, groupNegative = 0;
            for (var i = start; i < end; i++)
            {
                var m = multiplicity.IsEmpty ? 1 : multiplicity[i];
                groupPositive += m * positive[i];
                groupNegative += m * negative[i];
            }

            area += groupPositive * (negativeBelow + (0.5 * groupNegative));
            negativeBelow += groupNegative;
            totalPositive += groupPositive;
            start = end;
        }

        return totalPositive > 0 && negativeBelow > 0 ? area / (totalPositive * negativeBelow) : double.NaN;
    }
}
