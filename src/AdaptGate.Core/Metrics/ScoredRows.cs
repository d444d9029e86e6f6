using AdaptGate.Core.Metrics.Uncertainty;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// Reads back, row by row, what ML.NET's evaluator saw (label, score, probability, predicted label), so the
/// model's metrics can be bootstrapped like stored predictions. Rows ML.NET leaves out (a class the model
/// never saw, key 0) are left out here too.
/// </summary>
internal static class ScoredRows
{
    /// <returns>The rows, or null when the scored columns cannot be read back as the evaluator's (a custom output type): the report then has no intervals and says so.</returns>
    public static MetricRows? Read(IDataView scored, string label, MetricTask task, bool hasProbability)
    {
        try
        {
            return ReadRows(scored, label, task, hasProbability);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int ArgMax(double[] scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    private static MetricRows? ReadRows(IDataView scored, string label, MetricTask task, bool hasProbability)
    {
        switch (task)
        {
            case MetricTask.Binary:
            {
                var actual = scored.GetColumn<bool>(label).ToArray();
                var predicted = scored.GetColumn<bool>(ModelOutputTask.PredictedLabel).ToArray();
                var score = scored.GetColumn<float>(ModelOutputTask.Score).Select(s => (double)s).ToArray();
                var probability = hasProbability ? scored.GetColumn<float>(ModelOutputTask.Probability).Select(p => (double)p).ToArray() : null;
                return MetricRows.Binary(actual, predicted, probability, score);
            }

            case MetricTask.Multiclass:
            {
                var keys = scored.GetColumn<uint>(label).ToArray();
                var scores = scored.GetColumn<VBuffer<float>>(ModelOutputTask.Score).Select(v => v.DenseValues().Select(f => (double)f).ToArray()).ToArray();
                var classCount = scores.Length == 0 ? 0 : scores[0].Length;
                var actual = new List<int>(keys.Length);
                var predicted = new List<int>(keys.Length);
                var probabilities = new List<double>(keys.Length * classCount);
                for (var i = 0; i < keys.Length; i++)
                {
                    if (keys[i] == 0 || scores[i].Length != classCount)
                    {
                        continue;
                    }

                    // ML.NET's PredictedLabel is the arg max of Score, whatever type a pipeline maps it back to.
                    actual.Add((int)keys[i] - 1);
                    predicted.Add(ArgMax(scores[i]));
                    probabilities.AddRange(scores[i]);
                }

                return actual.Count == 0 ? null : MetricRows.Multiclass([.. actual], [.. predicted], classCount, [.. probabilities]);
            }

            default:
            {
                var actual = scored.GetColumn<float>(label).Select(v => (double)v).ToArray();
                var predicted = scored.GetColumn<float>(ModelOutputTask.Score).Select(v => (double)v).ToArray();
                return MetricRows.Regression(actual, predicted);
            }
        }
    }
}
