using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AdaptGate.Core.Drift;

/// <summary>
/// Ascending LSD radix sort of doubles, leaving NaN (missing) out. Sorting the columns dominated a check of large
/// files (Array.Sort: ~65 ms per million values); this takes a fraction of that because its cost
/// is a few linear passes, and passes whose digit is the same for every value (the sign and
/// exponent of most columns, the low mantissa bits of integer-valued ones) are skipped.
/// Doubles are mapped to unsigned keys that order like the numbers: flip every bit of a negative
/// number and only the sign bit of a positive one. The result is the same sequence as
/// <c>Array.Sort</c> would give, except that -0.0 always precedes 0.0 (which
/// Array.Sort, comparing them equal, leaves in any order; no statistic tells them apart).
/// </summary>
internal static class DoubleRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const ulong Mask = Buckets - 1;

    /// <summary>Six 11-bit digits cover the 64-bit key; <see cref="ToKeysAndCount"/> spells them out.</summary>
    private const int Passes = 6;
    private const ulong SignBit = 1UL << 63;

    /// <summary>Below this length the fixed cost of the histograms outweighs the gain.</summary>
    private const int MinimumLength = 2048;

    /// <summary>
    /// Sorts the non-NaN values of <paramref name="values"/> ascending into <paramref name="first"/>
    /// or <paramref name="second"/> (both at least as long as <paramref name="values"/>; the other one is
    /// overwritten as scratch) and returns which one holds them, and how many there are. Leaving NaN
    /// out, mapping to keys and counting digits happen in one pass, and the last pass writes doubles
    /// back, so the values are read and written as few times as the digits allow.
    /// </summary>
    public static (double[] Sorted, int Count) SortNonNaN(ReadOnlySpan<double> values, double[] first, double[] second)
    {
        if (values.Length < MinimumLength)
        {
            var kept = 0;
            foreach (var v in values)
            {
                if (!double.IsNaN(v))
                {
                    first[kept++] = v;
                }
            }

            first.AsSpan(0, kept).Sort();
            return (first, kept);
        }

        var counts = new int[Passes * Buckets];
        var count = ToKeysAndCount(values, MemoryMarshal.Cast<double, ulong>(first.AsSpan()), counts);
        var digitsToSort = new List<int>(Passes);
        for (var pass = 0; pass < Passes; pass++)
        {
            if (!IsSingleBucket(counts.AsSpan(pass * Buckets, Buckets), count))
            {
                digitsToSort.Add(pass);
            }
        }

        if (digitsToSort.Count == 0)
        {
            // Every key is the same: the values are already in order.
            ToDoubles(MemoryMarshal.Cast<double, ulong>(first.AsSpan(0, count)));
            return (first, count);
        }

        var source = first;
        var target = second;
        for (var i = 0; i < digitsToSort.Count; i++)
        {
            var pass = digitsToSort[i];
            Scatter(
                MemoryMarshal.Cast<double, ulong>(source.AsSpan(0, count)),
                MemoryMarshal.Cast<double, ulong>(target.AsSpan(0, count)),
                counts.AsSpan(pass * Buckets, Buckets),
                pass * DigitBits,
                toDoubles: i == digitsToSort.Count - 1);
            (source, target) = (target, source);
        }

        return (source, count);
    }

    /// <summary>
    /// Maps the non-NaN doubles to keys and counts every digit of every key in the same pass. The
    /// six digits are spelled out and indexed without bounds checks (each is masked to its bucket
    /// range): this loop and the scatter are the whole cost, and the checks made them twice as slow.
    /// </summary>
    // Optimized from the first call rather than on-stack-replaced: a loop that is the whole cost (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ToKeysAndCount(ReadOnlySpan<double> values, Span<ulong> keys, int[] counts)
    {
        ref var count = ref MemoryMarshal.GetArrayDataReference(counts);
        ref var first = ref MemoryMarshal.GetReference(keys);
        nint kept = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            var bits = BitConverter.DoubleToUInt64Bits(value);
            var key = (bits & SignBit) != 0 ? ~bits : bits | SignBit;
            Unsafe.Add(ref first, kept++) = key;
            Unsafe.Add(ref count, (nint)(key & Mask))++;
            Unsafe.Add(ref count, Buckets + (nint)((key >> DigitBits) & Mask))++;
            Unsafe.Add(ref count, (2 * Buckets) + (nint)((key >> (2 * DigitBits)) & Mask))++;
            Unsafe.Add(ref count, (3 * Buckets) + (nint)((key >> (3 * DigitBits)) & Mask))++;
            Unsafe.Add(ref count, (4 * Buckets) + (nint)((key >> (4 * DigitBits)) & Mask))++;
            Unsafe.Add(ref count, (5 * Buckets) + (nint)(key >> (5 * DigitBits)))++;
        }

        return (int)kept;
    }

    private static bool IsSingleBucket(ReadOnlySpan<int> histogram, int length)
    {
        foreach (var count in histogram)
        {
            if (count != 0)
            {
                return count == length;
            }
        }

        return true;
    }

    /// <summary>
    /// Stable counting-sort pass on one digit: turns the histogram into offsets, then moves each key
    /// to its slot; the last pass writes the keys back as doubles on the way.
    /// </summary>
    // Optimized from the first call rather than on-stack-replaced: a loop that is the whole cost (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(ReadOnlySpan<ulong> source, Span<ulong> target, Span<int> histogram, int shift, bool toDoubles)
    {
        var offset = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            var count = histogram[b];
            histogram[b] = offset;
            offset += count;
        }

        // Every digit is masked to the histogram's range and the offsets add up to the length, so
        // both indexes are in range without the checks.
        ref var next = ref MemoryMarshal.GetReference(histogram);
        ref var first = ref MemoryMarshal.GetReference(target);
        if (toDoubles)
        {
            foreach (var key in source)
            {
                ref var position = ref Unsafe.Add(ref next, (nint)((key >> shift) & Mask));
                Unsafe.Add(ref first, (nint)position) = ToBits(key);
                position++;
            }

            return;
        }

        foreach (var key in source)
        {
            ref var position = ref Unsafe.Add(ref next, (nint)((key >> shift) & Mask));
            Unsafe.Add(ref first, (nint)position) = key;
            position++;
        }
    }

    private static void ToDoubles(Span<ulong> keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ToBits(keys[i]);
        }
    }

    /// <summary>The bits of the double a key was made from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ToBits(ulong key) => (key & SignBit) != 0 ? key & ~SignBit : ~key;
}
