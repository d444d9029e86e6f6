namespace AdaptGate.Core.Multivariate;

/// <summary>Assigns each row to a cross-validation fold, ourselves rather than through ML.NET's CrossValidate, whose splits are not ours to pin.</summary>
internal static class FoldAssignment
{
    /// <summary>
    /// Stratified by side: each side's rows are shuffled with the seed and dealt round-robin, so
    /// every fold holds the same share of reference and current rows (within one row) and every
    /// training set has both classes.
    /// </summary>
    public static int[] Stratified(bool[] isCurrent, int folds, SplitMix64 random)
    {
        var fold = new int[isCurrent.Length];
        foreach (var side in new[] { false, true })
        {
            var rows = new List<int>();
            for (var i = 0; i < isCurrent.Length; i++)
            {
                if (isCurrent[i] == side)
                {
                    rows.Add(i);
                }
            }

            for (var i = rows.Count - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            for (var i = 0; i < rows.Count; i++)
            {
                fold[rows[i]] = i % folds;
            }
        }

        return fold;
    }
}
