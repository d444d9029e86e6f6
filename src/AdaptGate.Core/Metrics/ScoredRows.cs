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
    public static MetricRows? Read(IDataView scored, string label, MetricTask task, bool hasProbability)
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
                var predictedKeys = scored.GetColumn<uint>(ModelOutputTask.PredictedLabel).ToArray();
                var scores = scored.GetColumn<VBuffer<float>>(ModelOutputTask.Score).Select(v => v.DenseValues().Select(f => (double)f).ToArray()).ToArray();
                var classCount = scores.Length == 0 ? 0 : scores[0].Length;
                var actual = new List<int>(keys.Length);
                var predicted = new List<int>(keys.Length);
                var probabilities = new List<double>(keys.Length * classCount);
                for (var i = 0; i < keys.Length; i++)
                {
                    if (keys[i] == 0 || predictedKeys[i] == 0 || scores[i].Length != classCount)
                    {
                        continue;
                    }

                    actual.Add((int)keys[i] - 1);
                    predicted.Add((int)predictedKeys[i] - 1);
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
