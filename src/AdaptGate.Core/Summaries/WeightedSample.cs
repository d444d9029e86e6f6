namespace AdaptGate.Core.Summaries;

/// <summary>
/// A numeric column as ascending values with weights: its sorted values (each weighing 1, <see cref="Weights"/> null)
/// when the summary holds them, else its sketch's values (each standing for 2^level values). <see cref="RankError"/> is
/// how far, as a share of <see cref="Total"/>, a rank read from it may be from the column's true rank.
/// </summary>
internal sealed class WeightedSample
{
    private WeightedSample(double[] values, long[]? weights, long total, double rankError)
    {
        Values = values;
        Weights = weights;
        Total = total;
        RankError = rankError;
    }

    public double[] Values { get; }

    public long[]? Weights { get; }

    public long Total { get; }

    public double RankError { get; }

    public long WeightAt(int i) => Weights?[i] ?? 1;

    public static WeightedSample Of(ColumnSummary summary)
    {
        if (summary.Values is { } values)
        {
            return new WeightedSample(values.Sorted.ToArray(), null, values.Count, 0);
        }

        var sketch = summary.Sketch ?? throw new InvalidOperationException($"Column '{summary.Name}' has neither values nor a sketch.");
        var (held, weights) = sketch.Weighted();
        return new WeightedSample(held, weights, sketch.Count, sketch.IsExact ? 0 : KllSketch.RankErrorBound);
    }
}
