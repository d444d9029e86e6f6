using Microsoft.ML;

namespace AdaptGate.Bench.Decisions;

/// <summary>
/// The model every scenario starts from, trained on its reference rows as a user's training project
/// would: one-hot segment, mean-variance normalisation, L-BFGS logistic regression (or an averaged
/// perceptron), saved as a .zip.
/// </summary>
internal static class ScenarioModel
{
    public static string Train(ScenarioRow[] reference, string path, ScenarioTrainer trainer)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(reference);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("SegmentVector", nameof(ScenarioRow.Segment))
            .Append(ml.Transforms.Concatenate("Features", nameof(ScenarioRow.X1), nameof(ScenarioRow.X2), nameof(ScenarioRow.X3), nameof(ScenarioRow.X4), "SegmentVector"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        ITransformer model = trainer == ScenarioTrainer.AveragedPerceptron
            ? pipeline.Append(ml.BinaryClassification.Trainers.AveragedPerceptron(nameof(ScenarioRow.Label))).Fit(data)
            : pipeline.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(ScenarioRow.Label),
                NumberOfThreads = 1,
            })).Fit(data);
        ml.Model.Save(model, data.Schema, path);
        return path;
    }
}
