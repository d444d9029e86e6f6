namespace AdaptGate.Core.Metrics;

/// <summary>Cross-entropy in nats, as sklearn's <c>log_loss</c>.</summary>
public static class LogLoss
{
    /// <summary>
    /// Probabilities are clipped to [eps, 1 − eps] with eps the machine epsilon of float64
    /// (2.22e-16): sklearn's <c>eps="auto"</c>, the default since 1.2, so a confident wrong answer
    /// costs about 36 nats instead of infinity.
    /// </summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>Mean of −ln p(actual class), p the positive-class probability clipped as sklearn does.</summary>
    public static double Binary(ReadOnlySpan<bool> actual, ReadOnlySpan<double> probability)
    {
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var p = Math.Clamp(probability[i], Epsilon, 1 - Epsilon);
            sum -= actual[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / actual.Length;
    }

    /// <summary>
    /// Mean of −ln p(actual class) over rows of a row-major n × k probability matrix. Like sklearn,
    /// each row is clipped and then renormalised to sum to 1.
    /// </summary>
    public static double Multiclass(ReadOnlySpan<int> actual, ReadOnlySpan<double> probabilities, int classCount)
    {
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var row = probabilities.Slice(i * classCount, classCount);
            double rowSum = 0;
            for (var k = 0; k < classCount; k++)
            {
                rowSum += Math.Clamp(row[k], Epsilon, 1 - Epsilon);
            }

            var p = Math.Clamp(row[actual[i]], Epsilon, 1 - Epsilon) / rowSum;
            sum -= Math.Log(p);
        }

        return sum / actual.Length;
    }
}
