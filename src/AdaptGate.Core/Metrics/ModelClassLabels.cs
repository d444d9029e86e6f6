using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// The class values of a multiclass model, in the order of its score vector: the key values of
/// "PredictedLabel" (the model's own MapValueToKey dictionary), or the "SlotNames" of "Score"
/// when the pipeline mapped the predicted key back to a value.
/// </summary>
internal static class ModelClassLabels
{
    private const string KeyValues = "KeyValues";
    private const string SlotNames = "SlotNames";

    public static string[]? Read(DataViewSchema output)
    {
        var predicted = output.GetColumnOrNull(ModelOutputTask.PredictedLabel);
        if (predicted is { Type: KeyDataViewType } && Read(predicted.Value.Annotations, KeyValues) is { } keys)
        {
            return keys;
        }

        var score = output.GetColumnOrNull(ModelOutputTask.Score);
        return score is null ? null : Read(score.Value.Annotations, SlotNames);
    }

    private static string[]? Read(DataViewSchema.Annotations annotations, string kind)
    {
        var column = annotations.Schema.GetColumnOrNull(kind);
        if (column?.Type is not VectorDataViewType vector)
        {
            return null;
        }

        return vector.ItemType switch
        {
            TextDataViewType => Values<ReadOnlyMemory<char>>(annotations, kind, v => v.ToString()),
            NumberDataViewType when vector.ItemType.RawType == typeof(float) => Values<float>(annotations, kind, v => v.ToString(CultureInfo.InvariantCulture)),
            NumberDataViewType when vector.ItemType.RawType == typeof(double) => Values<double>(annotations, kind, v => v.ToString(CultureInfo.InvariantCulture)),
            NumberDataViewType when vector.ItemType.RawType == typeof(uint) => Values<uint>(annotations, kind, v => v.ToString(CultureInfo.InvariantCulture)),
            NumberDataViewType when vector.ItemType.RawType == typeof(int) => Values<int>(annotations, kind, v => v.ToString(CultureInfo.InvariantCulture)),
            NumberDataViewType when vector.ItemType.RawType == typeof(long) => Values<long>(annotations, kind, v => v.ToString(CultureInfo.InvariantCulture)),
            BooleanDataViewType => Values<bool>(annotations, kind, v => v ? "true" : "false"),
            _ => null,
        };
    }

    private static string[] Values<T>(DataViewSchema.Annotations annotations, string kind, Func<T, string> format)
    {
        VBuffer<T> buffer = default;
        annotations.GetValue(kind, ref buffer);
        var dense = buffer.DenseValues().ToArray();
        return Array.ConvertAll(dense, v => format(v));
    }
}
