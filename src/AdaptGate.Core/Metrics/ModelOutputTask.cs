using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>Reads the task from the columns ML.NET's trainers add when they score.</summary>
internal static class ModelOutputTask
{
    public const string Score = "Score";
    public const string PredictedLabel = "PredictedLabel";
    public const string Probability = "Probability";

    /// <summary>
    /// Binary: Single "Score" and Boolean "PredictedLabel" ("Probability" when calibrated).
    /// Multiclass: a vector "Score" and a "PredictedLabel". Regression: Single "Score", no "PredictedLabel".
    /// Null when the columns match none of these (a transform-only model, or renamed outputs).
    /// </summary>
    public static MetricTask? Infer(DataViewSchema output)
    {
        var score = output.GetColumnOrNull(Score)?.Type;
        var predicted = output.GetColumnOrNull(PredictedLabel)?.Type;
        if (score == NumberDataViewType.Single && predicted == BooleanDataViewType.Instance)
        {
            return MetricTask.Binary;
        }

        if (score is VectorDataViewType { ItemType: NumberDataViewType } && predicted is not null)
        {
            return MetricTask.Multiclass;
        }

        if (score == NumberDataViewType.Single && predicted is null)
        {
            return MetricTask.Regression;
        }

        return null;
    }

    public static bool HasProbability(DataViewSchema output) =>
        output.GetColumnOrNull(Probability)?.Type == NumberDataViewType.Single;

    /// <summary>The scored columns, for messages: "Score (Single), PredictedLabel (Boolean)".</summary>
    public static string Describe(DataViewSchema output) =>
        string.Join(", ", output.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
}
