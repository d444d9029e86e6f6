using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Summaries;

/// <summary>
/// What the drift methods, the charts and the identifier check read from one column, whether it comes from raw rows
/// or a saved profile: row and missing counts, the kind, and for a numeric column its moments, its bin counts under the
/// reference's decile plan, a quantile sketch, and its sorted values while they are held; for a categorical or boolean
/// column its category counts. The reference's summary fixes the plan (<see cref="Edges"/>), the current one is counted
/// under it. A summary of raw rows holds every sorted value, so a check of two files stays exact; a profile holds them
/// up to <see cref="ColumnSummarizer.ExactValuesLimit"/> and a sketch beyond (docs/profiles.md).
/// Dispose it to hand the sorted values' pooled buffer back.
/// </summary>
public sealed class ColumnSummary : IDisposable
{
    private KllSketch? _sketch;

    public required string Name { get; init; }

    public required ColumnKind Kind { get; init; }

    /// <summary>Whether the column holds numbers (numeric or datetime) rather than category codes.</summary>
    public required bool IsNumeric { get; init; }

    /// <summary>Rows, missing included.</summary>
    public required long Rows { get; init; }

    public required long Missing { get; init; }

    /// <summary>Non-missing values.</summary>
    public long Present => Rows - Missing;

    public double MissingRate => Rows == 0 ? 0 : (double)Missing / Rows;

    /// <summary>Numeric: count, extremes, mean, M2, all-integer.</summary>
    public NumericMoments? Moments { get; init; }

    /// <summary>Numeric: the non-missing values ascending, when held (null in a profile of a larger column).</summary>
    public NumericSummary? Values { get; init; }

    /// <summary>Numeric: whether the values are distinct whole numbers (what marks an identifier).</summary>
    public bool DistinctIntegers { get; init; }

    /// <summary>Numeric: the decile edges of the reference (the plan both sides are counted under).</summary>
    public double[]? Edges { get; init; }

    /// <summary>Numeric: the counts per bin under <see cref="Edges"/> (edges.Length + 1 bins).</summary>
    public long[]? BinCounts { get; init; }

    /// <summary>Categorical and boolean: the count of each category.</summary>
    public CategoricalSummary? Categories { get; init; }

    /// <summary>Numeric: a quantile sketch of the values; built from <see cref="Values"/> on first use when they are held.</summary>
    public KllSketch? Sketch
    {
        get
        {
            if (_sketch is null && Values is { } values)
            {
                var sketch = new KllSketch();
                foreach (var v in values.Sorted)
                {
                    sketch.Add(v);
                }

                _sketch = sketch;
            }

            return _sketch;
        }

        init => _sketch = value;
    }

    public void Dispose() => Values?.Dispose();
}
