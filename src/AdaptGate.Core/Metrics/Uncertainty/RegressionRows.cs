namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>Regression rows: the metrics of <see cref="RegressionMetrics"/>, weighted.</summary>
internal sealed class RegressionRows(double[] actual, double[] predicted) : MetricRows
{
    public override int Count => actual.Length;

    internal override int[]? Strata => null;

    internal override int StrataCount => 1;

    internal override MetricSet Compute(int[]? weights)
    {
        double total = 0, mean = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var w = Weight(weights, i);
            total += w;
            mean += w * actual[i];
        }

        mean /= total;
        double squared = 0, absolute = 0, spread = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var w = Weight(weights, i);
            if (w == 0)
            {
                continue;
            }

            var error = actual[i] - predicted[i];
            squared += w * error * error;
            absolute += w * Math.Abs(error);
            var deviation = actual[i] - mean;
            spread += w * deviation * deviation;
        }

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
}
