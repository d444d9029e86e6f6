using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>The radix sort behind every numeric summary must give exactly Array.Sort's sequence.</summary>
public sealed class DoubleRadixSortTests
{
    public static TheoryData<string> Shapes => ["normal", "integers", "mixed-signs", "tiny-and-huge", "constant", "short"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SortsLikeArraySort(string shape)
    {
        double[] values = Sample(shape, seed: 7);
        double[] expected = (double[])values.Clone();
        Array.Sort(expected);

        // Longer than needed, as pooled buffers are; the result may land in either one.
        var (sorted, count) = DoubleRadixSort.SortNonNaN(values, new double[values.Length + 5], new double[values.Length + 5]);

        Assert.Equal(values.Length, count);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), sorted.Take(count).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void NegativeZeroComesBeforeZero()
    {
        double[] values = [.. Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? 0.0 : -0.0)];

        var (sorted, _) = DoubleRadixSort.SortNonNaN(values, new double[values.Length], new double[values.Length]);

        Assert.All(sorted.Take(2500), v => Assert.True(double.IsNegative(v)));
        Assert.All(sorted.Skip(2500), v => Assert.False(double.IsNegative(v)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SummaryDropsMissingValuesAndSorts(string shape)
    {
        double[] values = [.. Sample(shape, seed: 3)];
        for (int i = 0; i < values.Length; i += 10)
        {
            values[i] = double.NaN;
        }

        NumericSummary summary = NumericSummary.FromValues(values);

        double[] expected = [.. values.Where(v => !double.IsNaN(v)).Order()];
        Assert.Equal(values.Length - expected.Length, summary.MissingCount);
        Assert.Equal(expected, summary.Sorted);
    }

    // No -0.0 here: Array.Sort treats it as equal to 0.0 and leaves the two in any order.
    private static double[] Sample(string shape, int seed)
    {
        var random = new Random(seed);
        int length = shape == "short" ? 100 : 50_000;
        return [.. Enumerable.Range(0, length).Select(_ => shape switch
        {
            "normal" => Math.Round(50 + (10 * Gaussian(random)), 4),
            "integers" => random.Next(0, 20),
            "mixed-signs" or "short" => (random.NextDouble() - 0.5) * 1e3,
            "tiny-and-huge" => (random.Next(2) == 0 ? -1 : 1) * Math.Pow(10, random.Next(-320, 308)) * random.NextDouble(),
            "constant" => 2.5,
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        }).Select(v => v == 0 ? 0.0 : v)];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
