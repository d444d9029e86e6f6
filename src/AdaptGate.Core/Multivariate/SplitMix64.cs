namespace AdaptGate.Core.Multivariate;

/// <summary>
/// A small explicit random generator (Steele, Lea and Flood's SplitMix64). Chosen over
/// <see cref="Random"/> because its sequence is fixed by this code, not by the runtime version:
/// a seed in a policy file must pick the same rows on every .NET the tool runs on.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Where the sequence stands: <c>new SplitMix64(State)</c> continues it (a saved sketch resumes its coin flips).</summary>
    public ulong State => _state;

    /// <summary>A generator for one use of a policy seed, so sampling and fold assignment draw independent streams.</summary>
    public static SplitMix64 ForStream(int seed, ulong stream) => new(unchecked(((ulong)(uint)seed << 32) ^ (stream * 0xD1B54A32D192ED03UL)));

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// An integer in [0, size) from the top 32 bits by Lemire's multiply-shift, without rejection: a bias below
    /// size / 2^32, which a bootstrap's row draws can afford in their inner loop.
    /// </summary>
    public int Below(ulong size) => (int)(((NextUInt64() >> 32) * size) >> 32);

    /// <summary>A uniform integer in [0, bound), by Lemire's multiply-shift with rejection (no modulo bias).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        }

        var range = (ulong)bound;
        var threshold = (0UL - range) % range;
        while (true)
        {
            var high = Math.BigMul(NextUInt64(), range, out var low);
            if (low >= threshold)
            {
                return (int)high;
            }
        }
    }
}
