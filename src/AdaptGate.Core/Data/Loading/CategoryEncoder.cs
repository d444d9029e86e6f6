using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Dictionary-encodes text values in order of first appearance, keyed by spans: a repeated value
/// costs one hash and one comparison and allocates nothing; only the first occurrence of each
/// distinct value becomes a string. An open-addressing table with its own multiply-rotate hash
/// rather than <c>Dictionary.AlternateLookup</c>: the categorical cells of a large file all come
/// through here, and the dictionary's comparer calls and hashing were about 4% of a
/// 1M-row check's CPU (docs/performance.md). The hash is not randomized: a file crafted to
/// collide can only slow its own check down.
/// </summary>
internal sealed class CategoryEncoder
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly List<string> _categories = [];
    private readonly List<uint> _hashes = [];

    /// <summary>Code + 1 of the category in each slot, 0 for an empty slot; the length is a power of two.</summary>
    private int[] _slots = new int[32];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Encode(ReadOnlySpan<char> value) => Encode(value, text: null);

    /// <summary>The same for a value that is already a string (Parquet, kind overrides): a new category keeps this instance.</summary>
    public int Encode(string value) => Encode(value.AsSpan(), value);

    public string[] Categories() => [.. _categories];

    // Optimized from the first call: tiering left it in unoptimized tier-0 code for most of a 1M-row load (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Encode(ReadOnlySpan<char> value, string? text)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        for (var slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Add(text ?? value.ToString(), hash, slot);
            }

            var code = entry - 1;
            if (_hashes[code] == hash && value.SequenceEqual(_categories[code]))
            {
                return code;
            }
        }
    }

    /// <summary>
    /// Multiply-rotate over the UTF-16 bytes, eight at a time (a char is two bytes, so the tail is
    /// 0, 2, 4 or 6 bytes); the length seeds it so that prefixes of one another differ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(ReadOnlySpan<char> value)
    {
        var bytes = MemoryMarshal.AsBytes(value);
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var h = (ulong)bytes.Length * Multiplier;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = Mix(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        }

        if (i + 4 <= bytes.Length)
        {
            h = Mix(h, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i)));
            i += 4;
        }

        if (i < bytes.Length)
        {
            h = Mix(h, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i)));
        }

        return (uint)(h ^ (h >> 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong word) => BitOperations.RotateLeft((h ^ word) * Multiplier, 31);

    private int Add(string text, uint hash, int slot)
    {
        var code = _categories.Count;
        _categories.Add(text);
        _hashes.Add(hash);
        _slots[slot] = code + 1;
        if (2 * _categories.Count > _slots.Length)
        {
            Grow();
        }

        return code;
    }

    /// <summary>Doubles the table, keeping it at most half full so probe runs stay short.</summary>
    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var code = 0; code < _hashes.Count; code++)
        {
            var slot = (int)(_hashes[code] & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = code + 1;
        }

        _slots = slots;
    }
}
