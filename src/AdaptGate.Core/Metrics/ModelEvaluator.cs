using AdaptGate.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>Scores an ML.NET model (.zip) on a loaded file and evaluates it with ML.NET's own evaluators.</summary>
public static class ModelEvaluator
{
    /// <summary>
    /// A column AdaptGate adds for the evaluator: the file's label converted to the type the evaluator
    /// wants (Boolean, class key, Single), so evaluation does not depend on how the pipeline treats its label.
    /// </summary>
    private const string EvaluationLabel = "AdaptGate.EvaluationLabel";

    /// <param name="modelPath">A model saved with <c>MLContext.Model.Save</c>.</param>
    /// <param name="table">The file to score; its columns are matched to the model's input by name.</param>
    /// <param name="labelColumn">The column with the true outcome; rows where it is missing are left out.</param>
    /// <param name="task">The task, or null to read it from the model's output columns.</param>
    /// <param name="cancellationToken">Checked between steps and while ML.NET reads the rows.</param>
    /// <exception cref="InputException">Not an ML.NET model, a needed column is missing or of the wrong kind, or the label does not fit the task.</exception>
    public static ModelMetrics Evaluate(string modelPath, DataTable table, string labelColumn, MetricTask? task, CancellationToken cancellationToken) =>
        Evaluate(modelPath, table, labelColumn, task, positiveClass: null, cancellationToken);

    /// <param name="modelPath">A model saved with <c>MLContext.Model.Save</c>.</param>
    /// <param name="table">The file to score; its columns are matched to the model's input by name.</param>
    /// <param name="labelColumn">The column with the true outcome; rows where it is missing are left out.</param>
    /// <param name="task">The task, or null to read it from the model's output columns.</param>
    /// <param name="positiveClass">A binary label's positive value when it is not 1, true, yes or positive (say "defaulted"); null otherwise.</param>
    /// <param name="cancellationToken">Checked between steps and while ML.NET reads the rows.</param>
    /// <exception cref="InputException">Not an ML.NET model, a needed column is missing or of the wrong kind, or the label does not fit the task.</exception>
    public static ModelMetrics Evaluate(string modelPath, DataTable table, string labelColumn, MetricTask? task, string? positiveClass, CancellationToken cancellationToken)
    {
        RequireLabel(table, labelColumn);
        var ml = new MLContext(seed: 0);
        var model = Load(ml, modelPath, out var inputSchema);
        return Evaluate(ml, model, inputSchema, table, labelColumn, task, positiveClass, modelPath, cancellationToken, withEvidence: true);
    }

    /// <summary>Evaluates a model already in memory (an adapted one, before it is saved); <paramref name="modelPath"/> names it in messages.</summary>
    /// <remarks>With <c>withEvidence</c> the scored rows are read back too (<see cref="ModelMetrics.Evidence"/>), for the check's intervals.</remarks>
    internal static ModelMetrics Evaluate(MLContext ml, ITransformer model, DataViewSchema inputSchema, DataTable table, string labelColumn, MetricTask? task, string? positiveClass, string modelPath, CancellationToken cancellationToken, bool withEvidence = false)
    {
        var path = table.SourcePath;
        var label = RequireLabel(table, labelColumn);
        cancellationToken.ThrowIfCancellationRequested();

        var rows = RowsWithLabel(label);
        if (rows.Length == 0)
        {
            throw new InputException("the label column has no values", path, column: label.Name,
                hint: "Point --label at the column that holds the true outcome.");
        }

        var unprovided = new List<(string Column, string Problem)>();
        var inputs = ModelInputColumns.Build(inputSchema, table, rows, unprovided);
        var output = OutputSchema(model, new ColumnDataView(inputs, rows.Length, cancellationToken).Schema, unprovided, path, modelPath);

        var inferred = ModelOutputTask.Infer(output);
        var resolved = task ?? inferred ?? throw new InputException(
            $"cannot tell the task from the model's output columns ({ModelOutputTask.Describe(output)})", modelPath,
            hint: "Pass --task binary, multiclass or regression.");
        if (inferred != resolved)
        {
            throw new InputException(
                $"the model's output ({ModelOutputTask.Describe(output)}) is not that of a {resolved.ToString().ToLowerInvariant()} model",
                modelPath, hint: "Leave out --task to use the model's own, or pass the model trained for this task.");
        }

        var (evaluationLabel, usable) = resolved switch
        {
            MetricTask.Binary => (BinaryLabel(label, rows, positiveClass, path), rows.Length),
            MetricTask.Multiclass => ClassKeyLabel(label, rows, output, modelPath),
            _ => (RegressionLabel(label, rows, path), rows.Length),
        };
        inputs.Add(evaluationLabel);

        cancellationToken.ThrowIfCancellationRequested();
        var scored = model.Transform(new ColumnDataView(inputs, rows.Length, cancellationToken));
        var values = resolved switch
        {
            MetricTask.Binary when ModelOutputTask.HasProbability(output) =>
                MlNetMetricNames.From(ml.BinaryClassification.Evaluate(scored, EvaluationLabel), ClippedLogLoss(scored)),
            MetricTask.Binary => MlNetMetricNames.From(ml.BinaryClassification.EvaluateNonCalibrated(scored, EvaluationLabel)),
            MetricTask.Multiclass => MlNetMetricNames.From(ml.MulticlassClassification.Evaluate(scored, EvaluationLabel)),
            _ => MlNetMetricNames.From(ml.Regression.Evaluate(scored, EvaluationLabel)),
        };

        var hasProbability = resolved == MetricTask.Binary && ModelOutputTask.HasProbability(output);
        return new ModelMetrics(resolved, values, usable, withEvidence ? ScoredRows.Read(scored, EvaluationLabel, resolved, hasProbability) : null);
    }

    /// <summary>
    /// ML.NET takes −log2 of the probability as it is, so one probability of exactly 0 or 1 on the wrong side makes
    /// its log-loss infinite. This is sklearn's log_loss instead (<see cref="LogLoss"/>: clipped, in nats), as for
    /// stored predictions; rows whose probability is NaN are left out, as ML.NET leaves them out of its other metrics.
    /// </summary>
    private static double ClippedLogLoss(IDataView scored)
    {
        var labels = scored.GetColumn<bool>(EvaluationLabel).ToArray();
        var probabilities = scored.GetColumn<float>(ModelOutputTask.Probability).ToArray();
        var actual = new List<bool>(labels.Length);
        var probability = new List<double>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!float.IsNaN(probabilities[i]))
            {
                actual.Add(labels[i]);
                probability.Add(probabilities[i]);
            }
        }

        return actual.Count == 0 ? double.NaN : LogLoss.Binary(actual.ToArray(), probability.ToArray());
    }

    private static DataColumn RequireLabel(DataTable table, string labelColumn) =>
        table.Find(labelColumn) ?? throw new InputException(
            $"no label column '{labelColumn}' (the file has: {string.Join(", ", table.Columns.Select(c => c.Name))})",
            table.SourcePath, column: labelColumn, hint: "Pass the column with the true outcome with --label.");

    /// <summary>Loads a model saved with <c>MLContext.Model.Save</c>; anything else is bad input naming the file.</summary>
    internal static ITransformer Load(MLContext ml, string modelPath, out DataViewSchema inputSchema)
    {
        if (!File.Exists(modelPath))
        {
            throw new InputException("model file not found", modelPath, hint: "Pass a .zip saved with MLContext.Model.Save to --model.");
        }

        try
        {
            return ml.Model.Load(modelPath, out inputSchema);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputException(
                $"not an ML.NET model (MLContext.Model.Load failed: {e.Message})", modelPath,
                hint: "Pass a .zip saved with MLContext.Model.Save.", inner: e);
        }
    }

    /// <summary>
    /// Asks the model what it would output for the columns the file provides. Unprovided columns only
    /// matter when this fails: then the model needs one of them, and the error names them all.
    /// </summary>
    private static DataViewSchema OutputSchema(ITransformer model, DataViewSchema input, List<(string Column, string Problem)> unprovided, string path, string modelPath)
    {
        try
        {
            return model.GetOutputSchema(input);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            var what = unprovided.Count > 0
                ? "the model " + modelPath + " needs input the file cannot give: " + string.Join("; ", unprovided.Select(u => u.Problem))
                : "the model " + modelPath + " cannot score this file";
            throw new InputException(
                $"{what} (ML.NET: {e.Message})", path,
                column: unprovided.Count > 0 ? unprovided[0].Column : null,
                hint: "Score the model on a file with the columns it was trained on, with the same names and kinds.", inner: e);
        }
    }

    private static int[] RowsWithLabel(DataColumn label)
    {
        var rows = new List<int>(label.Length);
        for (var row = 0; row < label.Length; row++)
        {
            if (!ColumnValues.IsMissing(label, row))
            {
                rows.Add(row);
            }
        }

        return [.. rows];
    }

    private static ViewColumn BinaryLabel(DataColumn label, int[] rows, string? positiveClass, string path)
    {
        var classes = BinaryClasses.Resolve(label, positiveClass, path);
        var values = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = classes.IsPositive(label, rows[i], path);
        }

        return new ViewColumn(EvaluationLabel, BooleanDataViewType.Instance, values);
    }

    /// <summary>
    /// Maps each label to the model's class key (1-based; 0 = a class the model never saw, which
    /// ML.NET's evaluator leaves out, as it does when the model's own MapValueToKey meets an unseen value).
    /// </summary>
    private static (ViewColumn Column, int Usable) ClassKeyLabel(DataColumn label, int[] rows, DataViewSchema output, string modelPath)
    {
        var classes = ModelClassLabels.Read(output) ?? throw new InputException(
            "the model's output does not name its classes (no key values on PredictedLabel, no slot names on Score)", modelPath,
            hint: "Train with MapValueToKey on the label so the model keeps its class names.");
        var keys = new Dictionary<string, uint>(StringComparer.Ordinal);
        for (var k = 0; k < classes.Length; k++)
        {
            keys.TryAdd(classes[k], (uint)(k + 1));
        }

        var values = new uint[rows.Length];
        var usable = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (keys.TryGetValue(ColumnValues.Text(label, rows[i]), out var key))
            {
                values[i] = key;
                usable++;
            }
        }

        return (new ViewColumn(EvaluationLabel, new KeyDataViewType(typeof(uint), classes.Length), values), usable);
    }

    private static ViewColumn RegressionLabel(DataColumn label, int[] rows, string path)
    {
        if (label is not NumericColumn { Kind: ColumnKind.Numeric } numeric)
        {
            throw new InputException("a regression label must be numeric", path, column: label.Name,
                hint: "Point --label at the numeric target the model predicts.");
        }

        var values = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = (float)numeric.Values[rows[i]];
        }

        return new ViewColumn(EvaluationLabel, NumberDataViewType.Single, values);
    }
}
