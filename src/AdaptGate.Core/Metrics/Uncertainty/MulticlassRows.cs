namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>Multiclass rows: the metrics of <see cref="MulticlassMetrics"/>, weighted.</summary>
internal sealed class MulticlassRows : MetricRows
{
    private readonly int[] _actual;
    private readonly int[] _predicted;
    private readonly int _classCount;
    private readonly double[]? _probabilities;
    private readonly double[]? _loss;

    public MulticlassRows(int[] actual, int[] predicted, int classCount, double[]? probabilities)
    {
        _actual = actual;
        _predicted = predicted;
        _classCount = classCount;
        _probabilities = probabilities;
        if (probabilities is not null)
        {
            _loss = new double[actual.Length];
            for (var i = 0; i < actual.Length; i++)
            {
                _loss[i] = LogLoss.Multiclass(actual.AsSpan(i, 1), probabilities.AsSpan(i * classCount, classCount), classCount);
            }
        }
    }

    public override int Count => _actual.Length;

    /// <summary>The rows of <paramref name="parts"/> one after the other; probabilities only where every part has them.</summary>
    internal static MulticlassRows Concat(IReadOnlyList<MulticlassRows> parts) => new(
        [.. parts.SelectMany(p => p._actual)],
        [.. parts.SelectMany(p => p._predicted)],
        parts[0]._classCount,
        parts.All(p => p._probabilities is not null) ? [.. parts.SelectMany(p => p._probabilities!)] : null);

    internal override int[] Strata => _actual;

    internal override int StrataCount => _classCount;

    internal override MetricSet Resample(ResampleCounts sampler, int seed, int replicate)
    {
        var support = new double[_classCount];
        var hits = new double[_classCount];
        double correct = 0, total = 0, loss = 0;
        var random = ResampleCounts.Stream(seed, replicate);
        for (var s = 0; s < sampler.Strata.Length; s++)
        {
            var members = sampler.Strata[s];
            var size = (ulong)members.Length;
            for (var d = 0; d < sampler.Draws[s]; d++)
            {
                Add(members[random.Below(size)], 1, support, hits, ref correct, ref total, ref loss);
            }
        }

        return Metrics(support, hits, correct, total, loss);
    }

    internal override MetricSet Compute(int[]? weights, bool withAuc)
    {
        var support = new double[_classCount];
        var hits = new double[_classCount];
        double correct = 0, total = 0, loss = 0;
        for (var i = 0; i < _actual.Length; i++)
        {
            Add(i, Weight(weights, i), support, hits, ref correct, ref total, ref loss);
        }

        return Metrics(support, hits, correct, total, loss);
    }

    private void Add(int i, double w, double[] support, double[] hits, ref double correct, ref double total, ref double loss)
    {
        support[_actual[i]] += w;
        total += w;
        if (_actual[i] == _predicted[i])
        {
            hits[_actual[i]] += w;
            correct += w;
        }

        if (_loss is not null)
        {
            loss += w * _loss[i];
        }
    }

    private MetricSet Metrics(double[] support, double[] hits, double correct, double total, double loss)
    {
        double recallSum = 0;
        var present = 0;
        for (var k = 0; k < _classCount; k++)
        {
            if (support[k] > 0)
            {
                recallSum += hits[k] / support[k];
                present++;
            }
        }

        var set = new MetricSet
        {
            { MetricNames.MicroAccuracy, correct / total },
            { MetricNames.MacroAccuracy, recallSum / present },
        };
        if (_loss is not null)
        {
            set.Add(MetricNames.LogLoss, loss / total);
        }

        return set;
    }
}
