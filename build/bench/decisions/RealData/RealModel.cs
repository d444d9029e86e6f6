using System.Globalization;
using AdaptGate.Core.Adaptation.Recipes;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// The deployed model of a real-data split, trained as a team's training project would: one-hot categories,
/// mean-variance normalisation, then L-BFGS logistic regression (binary) or L-BFGS Poisson regression
/// (regression: demand is positive), the families <c>adaptgate adapt</c> can both fine-tune and retrain. Its stored predictions
/// on the reference are out of fold (five contiguous blocks, each predicted by a model that did not see it),
/// so the baseline the check compares with is honest.
/// </summary>
internal static class RealModel
{
    public const string Probability = "y_pred_proba";

    public const string Prediction = "y_pred";

    /// <summary>A multiclass model's stored probabilities: one column per class, this prefix and the class.</summary>
    public const string ClassProbabilityPrefix = "p_";

    /// <summary>
    /// The classes of a multiclass data set in the order of the model's score vector: its label keys are numbered by
    /// value, so the order is the names' ordinal order whatever the rows' order.
    /// </summary>
    private static readonly string[] LevelClasses = ["high", "low", "mid"];

    private const int Folds = 5;

    /// <summary>Trains on <paramref name="reference"/> (features and label), saves the model and returns the stored predictions of both tables.</summary>
    public static (string[][] Reference, string[][] Current) TrainAndPredict(RealDataset dataset, RealTable reference, RealTable current, string modelPath, string folder)
    {
        var ml = new MLContext(seed: 0);
        var loader = Loader(ml, dataset);
        var training = loader.Load(reference.Write(Path.Combine(folder, "train.csv")));
        var model = Pipeline(ml, dataset).Fit(training);
        ml.Model.Save(model, training.Schema, modelPath);
        var onCurrent = Predict(ml, dataset, model, loader.Load(current.Write(Path.Combine(folder, "current-features.csv"))));

        var outOfFold = new string[reference.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var (from, to) = (fold * reference.Count / Folds, (fold + 1) * reference.Count / Folds);
            var all = Enumerable.Range(0, reference.Count);
            var fit = Pipeline(ml, dataset).Fit(loader.Load(reference.Select(all.Where(r => r < from || r >= to), reference.Header).Write(Path.Combine(folder, "fold-train.csv"))));
            var held = Predict(ml, dataset, fit, loader.Load(reference.Select(all.Where(r => r >= from && r < to), reference.Header).Write(Path.Combine(folder, "fold-test.csv"))));
            held.CopyTo(outOfFold, from);
        }

        return (outOfFold, onCurrent);
    }

    /// <summary>
    /// The recipe of <see cref="Pipeline"/>, so that the oracle's retrain refits the whole pipeline (new categories,
    /// new normalisation) as the team's training project would, not a predictor behind the deployed featurizer.
    /// </summary>
    public static string WriteRecipe(RealDataset dataset, string path)
    {
        var none = new Dictionary<string, object>();
        List<RecipeStep> steps = dataset.Categorical.Length == 0 ? [] : [new RecipeStep(RecipeCatalog.OneHot, dataset.Categorical, null, none)];
        steps.Add(new RecipeStep(RecipeCatalog.Concatenate, dataset.Features, "Features", none));
        steps.Add(new RecipeStep(RecipeCatalog.Normalize, ["Features"], null, new Dictionary<string, object> { ["kind"] = "meanVariance" }));
        var recipe = new TrainingRecipe(
            dataset.Label,
            [.. dataset.Numeric.Select(c => new RecipeColumn(c, "numeric")), .. dataset.Categorical.Select(c => new RecipeColumn(c, "categorical"))],
            steps,
            new RecipeTrainer(dataset.Task switch { RealTask.Binary => "LbfgsLogisticRegression", RealTask.Multiclass => "LbfgsMaximumEntropy", _ => "Sdca" }, "Features", none, Seed: 0),
            []);
        File.WriteAllText(path, RecipeWriter.Write(recipe));
        return path;
    }

    public static string[] PredictionColumns(RealTask task) => task switch
    {
        RealTask.Binary => [Probability, Prediction],
        RealTask.Multiclass => [.. LevelClasses.Select(c => ClassProbabilityPrefix + c), Prediction],
        _ => [Prediction],
    };

    private static TextLoader Loader(MLContext ml, RealDataset dataset)
    {
        var columns = dataset.Numeric.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i))
            .Concat(dataset.Categorical.Select((name, i) => new TextLoader.Column(name, DataKind.String, dataset.Numeric.Length + i)))
            .Append(new TextLoader.Column(dataset.Label, dataset.Task switch { RealTask.Binary => DataKind.Boolean, RealTask.Multiclass => DataKind.String, _ => DataKind.Single }, dataset.Features.Length))
            .ToArray();
        return ml.Data.CreateTextLoader(columns, separatorChar: ',', hasHeader: true);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, RealDataset dataset)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var vectors = new List<string>(dataset.Numeric);
        foreach (var column in dataset.Categorical)
        {
            chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding($"{column}.onehot", column));
            vectors.Add($"{column}.onehot");
        }

        chain = chain.Append(ml.Transforms.Concatenate("Features", [.. vectors])).Append(ml.Transforms.NormalizeMeanVariance("Features"));
        if (dataset.Task == RealTask.Multiclass)
        {
            return chain
                .Append(ml.Transforms.Conversion.MapValueToKey(dataset.Label, keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue))
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = dataset.Label, NumberOfThreads = 1,
                }))
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        }

        return dataset.Task == RealTask.Binary
            ? chain.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = dataset.Label, NumberOfThreads = 1,
            }))
            : chain.Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = dataset.Label, NumberOfThreads = 1,
            }));
    }

    private static string[][] Predict(MLContext ml, RealDataset dataset, ITransformer model, IDataView rows)
    {
        var scored = model.Transform(rows);
        var invariant = CultureInfo.InvariantCulture;
        if (dataset.Task == RealTask.Binary)
        {
            var probability = scored.GetColumn<float>("Probability").ToArray();
            return [.. probability.Select(p => new[] { p.ToString("R", invariant), p >= 0.5f ? "1" : "0" })];
        }

        if (dataset.Task == RealTask.Multiclass)
        {
            var predicted = scored.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(p => p.ToString()).ToArray();
            return [.. scored.GetColumn<float[]>("Score").Select((s, i) => (string[])[.. s.Select(p => p.ToString("R", invariant)), predicted[i]])];
        }

        return [.. scored.GetColumn<float>("Score").Select(s => new[] { s.ToString("R", invariant) })];
    }
}
