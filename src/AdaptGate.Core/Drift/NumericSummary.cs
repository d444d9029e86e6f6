using System.Buffers;

namespace AdaptGate.Core.Drift;

/// <summary>
/// What the numeric drift tests need from a column: its non-missing values sorted ascending
/// and the number of missing (NaN) values. Tests take summaries rather than rows so they can
/// later come from a saved profile or merged shards.
/// </summary>
public sealed class NumericSummary
{
    private NumericSummary(double[] sorted, int missingCount)
    {
        Sorted = sorted;
        MissingCount = missingCount;
    }

    /// <summary>Non-missing values, ascending.</summary>
    public double[] Sorted { get; }

    /// <summary>How many values were NaN (missing) and left out of <see cref="Sorted"/>.</summary>
    public int MissingCount { get; }

    /// <summary>Number of non-missing values.</summary>
    public int Count => Sorted.Length;

    /// <summary>Drops NaN (missing) values, counting them, and sorts a copy of the rest ascending.</summary>
    public static NumericSummary FromValues(ReadOnlySpan<double> values)
    {
        // Count first so the copy has its final size: one allocation per column, no trimming copy.
        int missing = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                missing++;
            }
        }

        double[] sorted = GC.AllocateUninitializedArray<double>(values.Length - missing);
        if (missing == 0)
        {
            values.CopyTo(sorted);
        }
        else
        {
            int count = 0;
            foreach (double v in values)
            {
                if (!double.IsNaN(v))
                {
                    sorted[count++] = v;
                }
            }
        }

        // The scratch half of the sort is pooled: a check sorts dozens of same-sized columns.
        double[] scratch = ArrayPool<double>.Shared.Rent(sorted.Length);
        DoubleRadixSort.Sort(sorted, scratch);
        ArrayPool<double>.Shared.Return(scratch);
        return new NumericSummary(sorted, missing);
    }
}
