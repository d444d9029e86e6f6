namespace AdaptGate.Core.Drift;

/// <summary>
/// What the categorical/boolean drift tests need from a column: a count per category plus the
/// number of missing values. Categories are matched between summaries by ordinal string
/// equality, so two summaries may list categories in different orders or different sets.
/// </summary>
public sealed class CategoricalSummary
{
    /// <summary>One count per category; categories must be distinct and counts non-negative.</summary>
    public CategoricalSummary(IReadOnlyList<string> categories, long[] counts, int missingCount)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(counts);
        if (categories.Count != counts.Length)
        {
            throw new ArgumentException($"Expected one count per category ({categories.Count}), got {counts.Length}.", nameof(counts));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (!seen.Add(categories[i]))
            {
                throw new ArgumentException($"Category '{categories[i]}' is listed twice.", nameof(categories));
            }

            if (counts[i] < 0)
            {
                throw new ArgumentException($"Count for category '{categories[i]}' is negative.", nameof(counts));
            }

            total += counts[i];
        }

        ArgumentOutOfRangeException.ThrowIfNegative(missingCount);
        Categories = categories;
        Counts = counts;
        MissingCount = missingCount;
        Total = total;
    }

    /// <summary>The category labels, in the order of <see cref="Counts"/>.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Non-missing occurrences of each category.</summary>
    public long[] Counts { get; }

    /// <summary>Missing values, excluded from every test.</summary>
    public int MissingCount { get; }

    /// <summary>Total non-missing values (sum of <see cref="Counts"/>).</summary>
    public long Total { get; }

    /// <summary>Counts dictionary codes (indexes into <paramref name="categories"/>); code -1 means missing.</summary>
    public static CategoricalSummary FromCodes(ReadOnlySpan<int> codes, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var counts = new long[categories.Count];
        int missing = 0;
        foreach (int code in codes)
        {
            if (code == -1)
            {
                missing++;
            }
            else if ((uint)code < (uint)counts.Length)
            {
                counts[code]++;
            }
            else
            {
                throw new ArgumentException($"Code {code} is outside the {categories.Count} categories.", nameof(codes));
            }
        }

        return new CategoricalSummary(categories, counts, missing);
    }
}
