namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>Regression rows: the metrics of <see cref="RegressionMetrics"/>, weighted.</summary>
internal sealed class RegressionRows(double[] actual, double[] predicted) : MetricRows
{
    public override int Count => actual.Length;

    /// <summary>The rows of <paramref name="parts"/> one after the other.</summary>
    internal static RegressionRows Concat(IReadOnlyList<RegressionRows> parts) => new(
        [.. parts.SelectMany(p => p.ActualValues)],
        [.. parts.SelectMany(p => p.PredictedValues)]);

    private double[] ActualValues => actual;

    private double[] PredictedValues => predicted;

    internal override int[]? Strata => null;

    internal override int StrataCount => 1;

    // Labels centred on their own mean once, so the one-pass spread Σw·y'² − (Σw·y')²/W stays exact enough.
    private readonly double[] _centred = Centre(actual);

    internal override MetricSet Resample(ResampleCounts sampler, int seed, int replicate)
    {
        double total = 0, sum = 0, sumSquares = 0, squared = 0, absolute = 0;
        var random = ResampleCounts.Stream(seed, replicate);
        for (var s = 0; s < sampler.Strata.Length; s++)
        {
            var members = sampler.Strata[s];
            var size = (ulong)members.Length;
            for (var d = 0; d < sampler.Draws[s]; d++)
            {
                Add(members[random.Below(size)], 1, ref total, ref sum, ref sumSquares, ref squared, ref absolute);
            }
        }

        return Metrics(total, sum, sumSquares, squared, absolute);
    }

    internal override MetricSet Compute(int[]? weights, bool withAuc)
    {
        double total = 0, sum = 0, sumSquares = 0, squared = 0, absolute = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            Add(i, Weight(weights, i), ref total, ref sum, ref sumSquares, ref squared, ref absolute);
        }

        return Metrics(total, sum, sumSquares, squared, absolute);
    }

    private void Add(int i, double w, ref double total, ref double sum, ref double sumSquares, ref double squared, ref double absolute)
    {
        var error = actual[i] - predicted[i];
        var y = _centred[i];
        total += w;
        sum += w * y;
        sumSquares += w * y * y;
        squared += w * error * error;
        absolute += w * Math.Abs(error);
    }

    private static MetricSet Metrics(double total, double sum, double sumSquares, double squared, double absolute)
    {
        var spread = Math.Max(0, sumSquares - (sum * sum / total));
        var mse = squared / total;
        var r2 = spread != 0 ? 1 - (squared / spread) : squared == 0 ? 1.0 : 0.0;
        return new MetricSet
        {
            { MetricNames.Rmse, Math.Sqrt(mse) },
            { MetricNames.Mae, absolute / total },
            { MetricNames.Mse, mse },
            { MetricNames.R2, r2 },
        };
    }

    private static double[] Centre(double[] values)
    {
        var mean = values.Length == 0 ? 0 : values.Average();
        return Array.ConvertAll(values, v => v - mean);
    }
}
