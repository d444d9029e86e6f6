using AdaptGate.Core.Summaries;
using Xunit.Abstractions;

namespace AdaptGate.Core.Tests.Summaries;

/// <summary>The sketch's ranks against exact ranks: within <see cref="KllSketch.RankErrorBound"/> of the count at the default k.</summary>
public sealed class KllSketchTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, ulong> Streams => new()
    {
        { "normal", 1_000_000, 1 },
        { "normal", 1_000_000, 2 },
        { "exponential", 300_000, 3 },
        { "sorted", 500_000, 4 },
        { "reversed", 500_000, 5 },
        { "few-values", 400_000, 6 },
        { "uniform", 50_000, 7 },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Ranks_are_within_the_bound_of_exact(string shape, int n, ulong seed)
    {
        var values = Values(shape, n, seed);
        var sketch = new KllSketch(seed: seed);
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        var error = MaxRankError(sketch, values);
        output.WriteLine($"{shape} n={n}: max rank error {error:P3}, {sketch.Retained} values held");

        Assert.Equal(n, sketch.Count);
        Assert.True(error <= KllSketch.RankErrorBound, $"rank error {error:P3} exceeds {KllSketch.RankErrorBound:P1}");
        Assert.True(sketch.Retained < 4 * KllSketch.DefaultK, $"{sketch.Retained} values held");
    }

    [Fact]
    public void Merged_parts_are_within_the_bound_of_the_whole()
    {
        var values = Values("normal", 800_000, 11);
        var merged = new KllSketch(seed: 100);
        for (var part = 0; part < 8; part++)
        {
            var sketch = new KllSketch(seed: (ulong)part);
            foreach (var v in values.AsSpan(part * 100_000, 100_000))
            {
                sketch.Add(v);
            }

            merged.Merge(sketch);
        }

        var error = MaxRankError(merged, values);
        output.WriteLine($"8 merged parts: max rank error {error:P3}");

        Assert.Equal(800_000, merged.Count);
        Assert.Equal(values.Min(), merged.Min);
        Assert.Equal(values.Max(), merged.Max);
        Assert.True(error <= KllSketch.RankErrorBound, $"rank error {error:P3}");
    }

    [Fact]
    public void A_small_stream_is_held_exactly()
    {
        var sketch = new KllSketch();
        double[] values = [3, 1, 2, 2, 5];
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        Assert.True(sketch.IsExact);
        Assert.Equal(3, sketch.Rank(2));
        Assert.Equal(0, sketch.Rank(0.5));
        Assert.Equal(5, sketch.Rank(5));
    }

    [Fact]
    public void Same_values_and_seed_give_the_same_sketch_and_a_restored_one_continues_alike()
    {
        var values = Values("normal", 100_000, 9);
        var a = new KllSketch(seed: 42);
        var b = new KllSketch(seed: 42);
        foreach (var v in values.AsSpan(0, 60_000))
        {
            a.Add(v);
            b.Add(v);
        }

        var restored = KllSketch.Restore(b.K, b.Count, b.Min, b.Max, b.RandomState, b.Levels.Select(l => (IReadOnlyList<double>)[.. l]).ToArray());
        foreach (var v in values.AsSpan(60_000))
        {
            a.Add(v);
            restored.Add(v);
        }

        Assert.Equal(a.Weighted().Values, restored.Weighted().Values);
        Assert.Equal(a.Weighted().Weights, restored.Weighted().Weights);
    }

    [Fact]
    public void Restoring_a_sketch_whose_weights_do_not_add_up_fails()
    {
        Assert.Throws<InvalidDataException>(() => KllSketch.Restore(KllSketch.DefaultK, 10, 0, 1, 0, [[0.5, 1]]));
    }

    private static double MaxRankError(KllSketch sketch, double[] values)
    {
        var sorted = values.Order().ToArray();
        double worst = 0;
        for (var q = 0; q <= 1000; q++)
        {
            var x = sorted[(int)((long)(sorted.Length - 1) * q / 1000)];
            var exact = UpperBound(sorted, x);
            worst = Math.Max(worst, Math.Abs(sketch.Rank(x) - exact) / (double)sorted.Length);
        }

        return worst;
    }

    private static long UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double[] Values(string shape, int n, ulong seed)
    {
        var random = new Random((int)seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = shape switch
            {
                "normal" => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()),
                "exponential" => -Math.Log(1 - random.NextDouble()),
                "sorted" => i,
                "reversed" => n - i,
                "few-values" => random.Next(7),
                _ => random.NextDouble(),
            };
        }

        return values;
    }
}
