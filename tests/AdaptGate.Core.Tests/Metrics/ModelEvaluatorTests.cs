using System.IO.Compression;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaptGate.Core.Tests.Metrics.TestTables;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>ModelEvaluator on real tiny models, against what ML.NET's evaluator says on the same rows directly.</summary>
public sealed class ModelEvaluatorTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly MLContext _ml = new(seed: 0);

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Binary_model_metrics_equal_mlnet_evaluation()
    {
        var modelPath = TinyModels.TrainBinary(_ml, _files.Path("binary.zip"));
        var rows = TinyModels.BinaryData(1000, seed: 11);
        var table = Of(
            Numbers("Income", rows.Select(r => (double)r.Income).ToArray()),
            Numbers("Debt", rows.Select(r => (double)r.Debt).ToArray()),
            Text("Region", rows.Select(r => r.Region).ToArray()),
            Numbers("Label", rows.Select(r => r.Label ? 1.0 : 0.0).ToArray()));

        var result = ModelEvaluator.Evaluate(modelPath, table, "Label", task: null, CancellationToken.None);

        var model = _ml.Model.Load(modelPath, out _);
        var direct = _ml.BinaryClassification.Evaluate(model.Transform(_ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal(MetricTask.Binary, result.Task);
        Assert.Equal(1000, result.Rows);
        Assert.Equal(["auc", "accuracy", "f1", "precision", "recall", "log-loss"], result.Values.Names);
        Assert.Equal(direct.AreaUnderRocCurve, result.Values[MetricNames.Auc]);
        Assert.Equal(direct.Accuracy, result.Values[MetricNames.Accuracy]);
        Assert.Equal(direct.F1Score, result.Values[MetricNames.F1]);
        Assert.Equal(direct.PositivePrecision, result.Values[MetricNames.Precision]);
        Assert.Equal(direct.PositiveRecall, result.Values[MetricNames.Recall]);
        Assert.Equal(direct.LogLoss * Math.Log(2), result.Values[MetricNames.LogLoss], 12);
        Assert.True(result.Values[MetricNames.Auc] > 0.8, "AUC on separable data: " + result.Values[MetricNames.Auc]);
    }

    [Fact]
    public void Binary_log_loss_is_in_nats_like_sklearn()
    {
        var modelPath = TinyModels.TrainBinary(_ml, _files.Path("binary.zip"));
        var rows = TinyModels.BinaryData(500, seed: 12);
        var table = Of(
            Numbers("Income", rows.Select(r => (double)r.Income).ToArray()),
            Numbers("Debt", rows.Select(r => (double)r.Debt).ToArray()),
            Text("Region", rows.Select(r => r.Region).ToArray()),
            Booleans("Label", rows.Select(r => (bool?)r.Label).ToArray()));

        var result = ModelEvaluator.Evaluate(modelPath, table, "Label", MetricTask.Binary, CancellationToken.None);

        var scored = _ml.Model.Load(modelPath, out _).Transform(_ml.Data.LoadFromEnumerable(rows));
        var probabilities = scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        var ownLogLoss = LogLoss.Binary(rows.Select(r => r.Label).ToArray(), probabilities);
        Assert.Equal(ownLogLoss, result.Values[MetricNames.LogLoss], 6);
    }

    [Fact]
    public void A_probability_of_exactly_0_or_1_on_the_wrong_side_gives_a_clipped_finite_log_loss()
    {
        var modelPath = TinyModels.TrainBinary(_ml, _files.Path("binary.zip"));

        // Incomes far outside the training range saturate the calibrated probability to exactly 0 or 1 (float);
        // half the labels disagree with it.
        var rows = TinyModels.BinaryData(200, seed: 13)
            .Select((r, i) => new TinyModels.BinaryRow { Income = i % 2 == 0 ? 1e30f : -1e30f, Debt = r.Debt, Region = r.Region, Label = i % 4 < 2 })
            .ToArray();
        var table = Of(
            Numbers("Income", rows.Select(r => (double)r.Income).ToArray()),
            Numbers("Debt", rows.Select(r => (double)r.Debt).ToArray()),
            Text("Region", rows.Select(r => r.Region).ToArray()),
            Booleans("Label", rows.Select(r => (bool?)r.Label).ToArray()));

        var result = ModelEvaluator.Evaluate(modelPath, table, "Label", MetricTask.Binary, CancellationToken.None);

        var scored = _ml.Model.Load(modelPath, out _).Transform(_ml.Data.LoadFromEnumerable(rows));
        Assert.True(double.IsPositiveInfinity(_ml.BinaryClassification.Evaluate(scored).LogLoss), "ML.NET's own log-loss is infinite here");
        var probabilities = scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        Assert.Contains(probabilities, p => p is 0 or 1);
        var clipped = LogLoss.Binary(rows.Select(r => r.Label).ToArray(), probabilities);
        Assert.True(double.IsFinite(clipped) && clipped > 10, "sklearn's clipping: " + clipped);
        Assert.Equal(clipped, result.Values[MetricNames.LogLoss], 12);
    }

    [Fact]
    public void Multiclass_model_metrics_equal_mlnet_evaluation()
    {
        var modelPath = TinyModels.TrainMulticlass(_ml, _files.Path("multi.zip"));
        var rows = TinyModels.SpeciesData(900, seed: 21);
        var table = SpeciesTable(rows);

        var result = ModelEvaluator.Evaluate(modelPath, table, "Species", task: null, CancellationToken.None);

        var direct = _ml.MulticlassClassification.Evaluate(_ml.Model.Load(modelPath, out _).Transform(_ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal(MetricTask.Multiclass, result.Task);
        Assert.Equal(900, result.Rows);
        Assert.Equal(["micro-accuracy", "macro-accuracy", "log-loss"], result.Values.Names);
        Assert.Equal(direct.MicroAccuracy, result.Values[MetricNames.MicroAccuracy]);
        Assert.Equal(direct.MacroAccuracy, result.Values[MetricNames.MacroAccuracy]);
        Assert.Equal(direct.LogLoss, result.Values[MetricNames.LogLoss], 12);
        Assert.True(result.Values[MetricNames.MicroAccuracy] > 0.8, "accuracy: " + result.Values[MetricNames.MicroAccuracy]);
    }

    [Fact]
    public void Multiclass_model_that_maps_its_prediction_back_to_text_is_evaluated_the_same()
    {
        // Fresh contexts with the same seed train the same model: SDCA draws from the context's random source.
        var keyed = TinyModels.TrainMulticlass(new MLContext(seed: 0), _files.Path("keyed.zip"));
        var texted = TinyModels.TrainMulticlass(new MLContext(seed: 0), _files.Path("texted.zip"), predictedLabelAsText: true);
        var table = SpeciesTable(TinyModels.SpeciesData(600, seed: 22));

        var expected = ModelEvaluator.Evaluate(keyed, table, "Species", task: null, CancellationToken.None);
        var result = ModelEvaluator.Evaluate(texted, table, "Species", task: null, CancellationToken.None);

        Assert.Equal(expected.Values[MetricNames.MicroAccuracy], result.Values[MetricNames.MicroAccuracy]);
        Assert.Equal(expected.Values[MetricNames.MacroAccuracy], result.Values[MetricNames.MacroAccuracy]);
    }

    [Fact]
    public void Multiclass_rows_with_a_class_the_model_never_saw_are_left_out_and_not_counted()
    {
        var modelPath = TinyModels.TrainMulticlass(_ml, _files.Path("multi.zip"));
        var rows = TinyModels.SpeciesData(300, seed: 23);
        rows[0].Species = "hybrid";
        rows[1].Species = "hybrid";

        var result = ModelEvaluator.Evaluate(modelPath, SpeciesTable(rows), "Species", task: null, CancellationToken.None);

        Assert.Equal(298, result.Rows);
        var direct = _ml.MulticlassClassification.Evaluate(
            _ml.Model.Load(modelPath, out _).Transform(_ml.Data.LoadFromEnumerable(rows.Skip(2))));
        Assert.Equal(direct.MicroAccuracy, result.Values[MetricNames.MicroAccuracy]);
    }

    [Fact]
    public void Regression_model_metrics_equal_mlnet_evaluation()
    {
        var modelPath = TinyModels.TrainRegression(_ml, _files.Path("regression.zip"));
        var rows = TinyModels.PriceData(800, seed: 31);
        var table = Of(
            Numbers("Size", rows.Select(r => (double)r.Size).ToArray()),
            Numbers("Age", rows.Select(r => (double)r.Age).ToArray()),
            Numbers("Price", rows.Select(r => (double)r.Price).ToArray()));

        var result = ModelEvaluator.Evaluate(modelPath, table, "Price", task: null, CancellationToken.None);

        var direct = _ml.Regression.Evaluate(
            _ml.Model.Load(modelPath, out _).Transform(_ml.Data.LoadFromEnumerable(rows)), labelColumnName: "Price");
        Assert.Equal(MetricTask.Regression, result.Task);
        Assert.Equal(["rmse", "mae", "mse", "r2"], result.Values.Names);
        Assert.Equal(direct.RootMeanSquaredError, result.Values[MetricNames.Rmse]);
        Assert.Equal(direct.MeanAbsoluteError, result.Values[MetricNames.Mae]);
        Assert.Equal(direct.MeanSquaredError, result.Values[MetricNames.Mse]);
        Assert.Equal(direct.RSquared, result.Values[MetricNames.R2]);
        Assert.True(result.Values[MetricNames.R2] > 0.9, "r2: " + result.Values[MetricNames.R2]);
    }

    [Fact]
    public void Rows_without_a_label_are_left_out()
    {
        var modelPath = TinyModels.TrainRegression(_ml, _files.Path("regression.zip"));
        var table = Of(Numbers("Size", 60, 70, 80), Numbers("Age", 1, 2, 3), Numbers("Price", 180, double.NaN, 230));
        Assert.Equal(2, ModelEvaluator.Evaluate(modelPath, table, "Price", task: null, CancellationToken.None).Rows);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_not_an_mlnet_model()
    {
        var path = _files.Write("model.zip", "this is not a model");
        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(path, Of(Numbers("Label", 0, 1)), "Label", task: null, CancellationToken.None));

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith("not an ML.NET model (MLContext.Model.Load failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("MLContext.Model.Save", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_without_a_model_is_not_an_mlnet_model()
    {
        var path = _files.Path("other.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(path, Of(Numbers("Label", 0, 1)), "Label", task: null, CancellationToken.None));
        Assert.StartsWith("not an ML.NET model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_bad_input()
    {
        var path = _files.Path("absent.zip");
        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(path, Of(Numbers("Label", 0, 1)), "Label", task: null, CancellationToken.None));
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void A_column_the_model_needs_and_the_file_lacks_is_named_with_the_file_and_the_model()
    {
        var modelPath = TinyModels.TrainBinary(_ml, _files.Path("binary.zip"));
        var table = Of(Numbers("Income", 1, 2), Text("Region", "north", "south"), Numbers("Label", 0, 1));

        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(modelPath, table, "Label", task: null, CancellationToken.None));

        Assert.Equal("test.csv", error.FilePath);
        Assert.Equal("Debt", error.Column);
        Assert.Contains(modelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("'Debt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_column_where_the_model_wants_a_number_is_refused()
    {
        var modelPath = TinyModels.TrainBinary(_ml, _files.Path("binary.zip"));
        var table = Of(Numbers("Income", 1, 2), Text("Debt", "low", "high"), Text("Region", "north", "south"), Numbers("Label", 0, 1));

        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(modelPath, table, "Label", task: null, CancellationToken.None));
        Assert.Equal("Debt", error.Column);
        Assert.Contains("expects a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_column_is_bad_input()
    {
        var modelPath = TinyModels.TrainRegression(_ml, _files.Path("regression.zip"));
        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(modelPath, Of(Numbers("Size", 1), Numbers("Age", 2)), "Price", task: null, CancellationToken.None));
        Assert.Equal("Price", error.Column);
    }

    [Fact]
    public void A_task_that_contradicts_the_model_is_refused()
    {
        var modelPath = TinyModels.TrainRegression(_ml, _files.Path("regression.zip"));
        var table = Of(Numbers("Size", 60, 70), Numbers("Age", 1, 2), Numbers("Price", 0, 1));
        var error = Assert.Throws<InputException>(() =>
            ModelEvaluator.Evaluate(modelPath, table, "Price", MetricTask.Binary, CancellationToken.None));
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var modelPath = TinyModels.TrainRegression(_ml, _files.Path("regression.zip"));
        var table = Of(Numbers("Size", 60), Numbers("Age", 1), Numbers("Price", 180));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ModelEvaluator.Evaluate(modelPath, table, "Price", task: null, new CancellationToken(canceled: true)));
    }

    private static DataTable SpeciesTable(TinyModels.SpeciesRow[] rows) => Of(
        Numbers("PetalLength", rows.Select(r => (double)r.PetalLength).ToArray()),
        Numbers("PetalWidth", rows.Select(r => (double)r.PetalWidth).ToArray()),
        Text("Species", rows.Select(r => r.Species).ToArray()));
}
