using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// Multiclass metrics expected from calibrated class chances instead of labels (confidence-based performance
/// estimation): row i counts as of class k with its chance <c>chance[k][i]</c>, so the expected hits of class k are
/// the chance of k over the rows predicted k, its expected support the chance of k over every row; micro-accuracy is
/// the mean chance of the predicted class and macro-accuracy the mean of the classes' expected recalls. The
/// calibration is fitted once on the reference and held fixed in the resamples (binary estimates refit it on each):
/// the interval holds the current rows' sampling and their classes', not the calibration's own.
/// </summary>
internal sealed class EstimatedMulticlassRows(double[][] chance, int[] predicted) : MetricRows
{
    public override int Count => predicted.Length;

    internal override int[]? Strata => null;

    internal override int StrataCount => 1;

    internal override MetricSet Compute(int[]? weights, bool withAuc)
    {
        var (support, hits) = (new double[chance.Length], new double[chance.Length]);
        double total = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            Add(i, Weight(weights, i), support, hits, ref total);
        }

        return Metrics(support, hits, total);
    }

    /// <summary>A resample draws the rows and then each drawn row's class from its chances, so the interval is where the realized metrics would fall if the relation between inputs and outcome held.</summary>
    internal override MetricSet Resample(ResampleCounts sampler, int seed, int replicate)
    {
        var (support, hits) = (new double[chance.Length], new double[chance.Length]);
        double total = 0;
        var random = ResampleCounts.Stream(seed, replicate);
        var labels = ResampleCounts.Stream(~seed, replicate);
        for (var s = 0; s < sampler.Strata.Length; s++)
        {
            var members = sampler.Strata[s];
            var size = (ulong)members.Length;
            for (var d = 0; d < sampler.Draws[s]; d++)
            {
                var i = members[random.Below(size)];
                var k = Drawn(i, (labels.NextUInt64() >> 11) * (1.0 / (1UL << 53)));
                total++;
                support[k]++;
                if (k == predicted[i])
                {
                    hits[k]++;
                }
            }
        }

        return Metrics(support, hits, total);
    }

    /// <summary>The class whose share of row i's chances holds <paramref name="u"/>.</summary>
    private int Drawn(int i, double u)
    {
        var last = chance.Length - 1;
        for (var k = 0; k < last; k++)
        {
            u -= chance[k][i];
            if (u < 0)
            {
                return k;
            }
        }

        return last;
    }

    private void Add(int i, double w, double[] support, double[] hits, ref double total)
    {
        total += w;
        for (var k = 0; k < chance.Length; k++)
        {
            support[k] += w * chance[k][i];
        }

        hits[predicted[i]] += w * chance[predicted[i]][i];
    }

    private static MetricSet Metrics(double[] support, double[] hits, double total)
    {
        double recallSum = 0;
        var present = 0;
        for (var k = 0; k < support.Length; k++)
        {
            if (support[k] > 0)
            {
                recallSum += hits[k] / support[k];
                present++;
            }
        }

        return new MetricSet
        {
            { MetricNames.MicroAccuracy, hits.Sum() / total },
            { MetricNames.MacroAccuracy, recallSum / present },
        };
    }
}
