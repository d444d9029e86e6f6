namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>Binary rows: the metrics of <see cref="BinaryMetrics"/>, weighted.</summary>
internal sealed class BinaryRows : MetricRows
{
    private readonly bool[] _actual;
    private readonly bool[] _predicted;
    private readonly double[]? _probability;
    private readonly double[]? _score;
    private readonly double[]? _loss;
    private readonly int[] _strata;

    // Each row's cell of the confusion matrix (0 tn, 1 fn, 2 fp, 3 tp), so a resample's counts are one branch-free pass.
    private readonly byte[] _cells;

    // Rows sorted by score once, and where each run of tied scores starts, so each resample's auc is one pass.
    private readonly int[]? _order;
    private readonly int[]? _tieStarts;

    public BinaryRows(bool[] actual, bool[] predicted, double[]? probability, double[]? score)
    {
        _actual = actual;
        _predicted = predicted;
        _probability = probability;
        _score = score;
        _strata = Array.ConvertAll(actual, a => a ? 1 : 0);
        _cells = new byte[actual.Length];
        for (var i = 0; i < actual.Length; i++)
        {
            _cells[i] = (byte)((predicted[i] ? 2 : 0) + (actual[i] ? 1 : 0));
        }
        if (probability is not null)
        {
            _loss = new double[actual.Length];
            for (var i = 0; i < actual.Length; i++)
            {
                var p = Math.Clamp(probability[i], LogLoss.Epsilon, 1 - LogLoss.Epsilon);
                _loss[i] = actual[i] ? -Math.Log(p) : -Math.Log(1 - p);
            }
        }

        if (score is not null)
        {
            var keys = (double[])score.Clone();
            _order = Enumerable.Range(0, score.Length).ToArray();
            Array.Sort(keys, _order);
            var starts = new List<int>();
            for (var k = 0; k < keys.Length; k++)
            {
                if (k == 0 || keys[k] != keys[k - 1])
                {
                    starts.Add(k);
                }
            }

            starts.Add(keys.Length);
            _tieStarts = [.. starts];
        }
    }

    public override int Count => _actual.Length;

    /// <summary>The rows of <paramref name="parts"/> one after the other; a probability or score only where every part has one.</summary>
    internal static BinaryRows Concat(IReadOnlyList<BinaryRows> parts) => new(
        [.. parts.SelectMany(p => p._actual)],
        [.. parts.SelectMany(p => p._predicted)],
        parts.All(p => p._probability is not null) ? [.. parts.SelectMany(p => p._probability!)] : null,
        parts.All(p => p._score is not null) ? [.. parts.SelectMany(p => p._score!)] : null);

    internal override int[] Strata => _strata;

    internal override int StrataCount => 2;

    internal override (bool[] Actual, double[] Score)? Ranking => _score is null ? null : (_actual, _score);

    internal override MetricSet Compute(int[]? weights, bool withAuc)
    {
        Span<long> cells = stackalloc long[4];
        double loss = 0;
        if (weights is null)
        {
            for (var i = 0; i < _cells.Length; i++)
            {
                cells[_cells[i]]++;
            }

            if (_loss is not null)
            {
                foreach (var l in _loss)
                {
                    loss += l;
                }
            }
        }
        else
        {
            for (var i = 0; i < _cells.Length; i++)
            {
                cells[_cells[i]] += weights[i];
            }

            if (_loss is not null)
            {
                for (var i = 0; i < _loss.Length; i++)
                {
                    loss += weights[i] * _loss[i];
                }
            }
        }

        return Metrics(cells[3], cells[2], cells[1], cells[0], loss, weights, withAuc);
    }

    private MetricSet Metrics(double tp, double fp, double fn, double tn, double loss, int[]? weights, bool withAuc)
    {
        var total = tp + fp + fn + tn;
        var set = new MetricSet();
        if (_order is not null && withAuc)
        {
            set.Add(MetricNames.Auc, Auc(weights, tp + fn, fp + tn));
        }

        set.Add(MetricNames.Accuracy, (tp + tn) / total);
        set.Add(MetricNames.F1, 2 * tp + fp + fn == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn));
        set.Add(MetricNames.Precision, tp + fp == 0 ? 0.0 : tp / (tp + fp));
        set.Add(MetricNames.Recall, tp + fn == 0 ? 0.0 : tp / (tp + fn));
        if (_loss is not null)
        {
            set.Add(MetricNames.LogLoss, loss / total);
        }

        return set;
    }

    internal override MetricSet Resample(ResampleCounts sampler, int seed, int replicate)
    {
        Span<long> cells = stackalloc long[4];
        double loss = 0;
        var random = ResampleCounts.Stream(seed, replicate);
        for (var s = 0; s < sampler.Strata.Length; s++)
        {
            var members = sampler.Strata[s];
            var size = (ulong)members.Length;
            for (var d = 0; d < sampler.Draws[s]; d++)
            {
                var row = members[random.Below(size)];
                cells[_cells[row]]++;
                if (_loss is not null)
                {
                    loss += _loss[row];
                }
            }
        }

        return Metrics(cells[3], cells[2], cells[1], cells[0], loss, null, withAuc: false);
    }

    /// <summary>Mann–Whitney with weights: each positive outranks the negative weight below it, half of the tied weight.</summary>
    private double Auc(int[]? weights, double positives, double negatives)
    {
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double below = 0, sum = 0;
        for (var g = 0; g + 1 < _tieStarts!.Length; g++)
        {
            double positive = 0, negative = 0;
            for (var k = _tieStarts[g]; k < _tieStarts[g + 1]; k++)
            {
                var row = _order![k];
                var w = Weight(weights, row);
                if (_actual[row]) { positive += w; } else { negative += w; }
            }

            sum += positive * (below + (0.5 * negative));
            below += negative;
        }

        return sum / (positives * negatives);
    }
}
