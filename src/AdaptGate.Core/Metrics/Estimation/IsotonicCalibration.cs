namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// An increasing isotonic fit of outcome on score, as scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>
/// fits and predicts it: tied scores are merged (weighted mean outcome), pool-adjacent-violators makes the fit
/// increasing, and a score between two kept points is interpolated linearly; scores outside the fitted range take
/// the nearest end's value. Used to turn a model's scores into probabilities that mean what they say, which the
/// confidence-based estimate needs.
/// </summary>
internal sealed class IsotonicCalibration
{
    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicCalibration(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>The kept points (scores ascending and their fitted values): what a profile stores to apply the same fit.</summary>
    public (double[] X, double[] Y) Points => (_x, _y);

    public static IsotonicCalibration Restore(double[] x, double[] y) => new(x, y);

    /// <param name="score">The model's scores (any order; NaN not allowed).</param>
    /// <param name="outcome">1 for a positive row, 0 for a negative.</param>
    public static IsotonicCalibration Fit(ReadOnlySpan<double> score, ReadOnlySpan<double> outcome)
    {
        var n = score.Length;
        var keys = score.ToArray();
        var values = outcome.ToArray();
        Array.Sort(keys, values);

        // Unique scores with their summed outcome and weight.
        var x = new List<double>(n);
        var sum = new List<double>(n);
        var weight = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (x.Count > 0 && keys[i] == x[^1])
            {
                sum[^1] += values[i];
                weight[^1] += 1;
            }
            else
            {
                x.Add(keys[i]);
                sum.Add(values[i]);
                weight.Add(1);
            }
        }

        // Pool adjacent violators over blocks (mean, weight, first index).
        var blockMean = new double[x.Count];
        var blockWeight = new double[x.Count];
        var blockStart = new int[x.Count];
        var blocks = 0;
        for (var i = 0; i < x.Count; i++)
        {
            blockMean[blocks] = sum[i] / weight[i];
            blockWeight[blocks] = weight[i];
            blockStart[blocks] = i;
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] >= blockMean[blocks - 1])
            {
                var w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockMean[blocks - 2] = ((blockMean[blocks - 2] * blockWeight[blocks - 2]) + (blockMean[blocks - 1] * blockWeight[blocks - 1])) / w;
                blockWeight[blocks - 2] = w;
                blocks--;
            }
        }

        var fitted = new double[x.Count];
        for (var b = 0; b < blocks; b++)
        {
            var end = b + 1 < blocks ? blockStart[b + 1] : x.Count;
            for (var i = blockStart[b]; i < end; i++)
            {
                fitted[i] = blockMean[b];
            }
        }

        // Keep the ends of each flat run only (interpolation between them is the same), as scikit-learn does.
        var keptX = new List<double>();
        var keptY = new List<double>();
        for (var i = 0; i < x.Count; i++)
        {
            var interior = i > 0 && i < x.Count - 1 && fitted[i - 1] == fitted[i] && fitted[i] == fitted[i + 1];
            if (!interior)
            {
                keptX.Add(x[i]);
                keptY.Add(fitted[i]);
            }
        }

        return new IsotonicCalibration([.. keptX], [.. keptY]);
    }

    public double Apply(double score)
    {
        if (score <= _x[0])
        {
            return _y[0];
        }

        if (score >= _x[^1])
        {
            return _y[^1];
        }

        var at = Array.BinarySearch(_x, score);
        if (at >= 0)
        {
            return _y[at];
        }

        var upper = ~at;
        var lower = upper - 1;
        var t = (score - _x[lower]) / (_x[upper] - _x[lower]);
        return _y[lower] + (t * (_y[upper] - _y[lower]));
    }

    public double[] Apply(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Apply(scores[i]);
        }

        return result;
    }
}
