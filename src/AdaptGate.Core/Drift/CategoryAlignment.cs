namespace AdaptGate.Core.Drift;

/// <summary>
/// Puts two categorical summaries on one set of bins: the union of their categories in
/// ordinal (code-unit) order, a category missing from one side counting 0 there. Ordering
/// the union makes the result independent of either summary's category order.
/// </summary>
internal static class CategoryAlignment
{
    public static (string[] Categories, long[] Reference, long[] Current) Align(CategoricalSummary reference, CategoricalSummary current)
    {
        var index = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string c in reference.Categories)
        {
            index.TryAdd(c, 0);
        }

        foreach (string c in current.Categories)
        {
            index.TryAdd(c, 0);
        }

        string[] categories = [.. index.Keys];
        for (int i = 0; i < categories.Length; i++)
        {
            index[categories[i]] = i;
        }

        return (categories, Scatter(reference, index, categories.Length), Scatter(current, index, categories.Length));
    }

    private static long[] Scatter(CategoricalSummary summary, SortedDictionary<string, int> index, int length)
    {
        var counts = new long[length];
        for (int i = 0; i < summary.Categories.Count; i++)
        {
            counts[index[summary.Categories[i]]] += summary.Counts[i];
        }

        return counts;
    }
}
