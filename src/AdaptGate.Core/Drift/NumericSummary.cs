using System.Buffers;

namespace AdaptGate.Core.Drift;

/// <summary>
/// What the numeric drift tests need from a column: its non-missing values sorted ascending
/// and the number of missing (NaN) values. Tests take summaries rather than rows so they can
/// later come from a saved profile or merged shards.
/// The sorted values live in a pooled buffer: a check of two 10M-row files sorts dozens of
/// 80 MB columns, and fresh arrays for each would pile up gigabytes of garbage faster than the
/// GC returns it. Dispose the summary when its tests are done to hand the buffer back; one that
/// is never disposed simply leaves its buffer to the GC.
/// </summary>
public sealed class NumericSummary : IDisposable
{
    private double[]? _buffer;

    private NumericSummary(double[] buffer, int count, int missingCount)
    {
        _buffer = buffer;
        Count = count;
        MissingCount = missingCount;
    }

    /// <summary>Non-missing values, ascending. A span, so no caller can keep it past <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<double> Sorted => (_buffer ?? throw new ObjectDisposedException(nameof(NumericSummary))).AsSpan(0, Count);

    /// <summary>How many values were NaN (missing) and left out of <see cref="Sorted"/>.</summary>
    public int MissingCount { get; }

    /// <summary>Number of non-missing values.</summary>
    public int Count { get; }

    /// <summary>Drops NaN (missing) values, counting them, and sorts a copy of the rest ascending.</summary>
    public static NumericSummary FromValues(ReadOnlySpan<double> values)
    {
        double[] first = ArrayPool<double>.Shared.Rent(values.Length);
        double[] second = ArrayPool<double>.Shared.Rent(values.Length);
        var (sorted, count) = DoubleRadixSort.SortNonNaN(values, first, second);
        ArrayPool<double>.Shared.Return(ReferenceEquals(sorted, first) ? second : first);
        return new NumericSummary(sorted, count, values.Length - count);
    }

    /// <summary>Returns the sorted values' buffer to the pool; <see cref="Sorted"/> throws afterwards.</summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
