namespace AdaptGate.Benchmarks;

/// <summary>Seeded inputs shaped like the bench files of build/bench/make_data.py (normal, rounded values; a mild shift).</summary>
public static class SampleData
{
    public static double[] Normal(int length, double mean, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            // Box-Muller; rounded to 4 decimals like the bench CSVs, so ties occur as in real data.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] = Math.Round(mean + (10 * gaussian), 4);
        }

        return values;
    }

    public static double[] SortedNormal(int length, double mean, int seed)
    {
        var values = Normal(length, mean, seed);
        Array.Sort(values);
        return values;
    }

    public static int[] Codes(int length, int levels, int seed)
    {
        var random = new Random(seed);
        var codes = new int[length];
        for (var i = 0; i < length; i++)
        {
            codes[i] = random.Next(levels);
        }

        return codes;
    }
}
