namespace AdaptGate.Core.Multivariate;

/// <summary>Picks the rows of one side that the domain classifier uses.</summary>
internal static class RowSampler
{
    /// <summary>
    /// At most <paramref name="maxRows"/> distinct row indices out of <paramref name="rowCount"/>, drawn
    /// without replacement (a partial Fisher–Yates shuffle) and returned in ascending order, so the
    /// sample keeps the file's order and does not depend on the draw order. All rows when they fit.
    /// </summary>
    public static int[] Sample(int rowCount, int maxRows, SplitMix64 random)
    {
        var all = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            all[i] = i;
        }

        if (rowCount <= maxRows)
        {
            return all;
        }

        for (var i = 0; i < maxRows; i++)
        {
            var j = i + random.NextInt(rowCount - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var sample = all[..maxRows];
        Array.Sort(sample);
        return sample;
    }
}
