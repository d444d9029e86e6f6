using System.Globalization;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// Realized metrics from the label and prediction columns a file already holds (monitoring logs,
/// NannyML-style data): no model is run.
/// </summary>
public static class StoredPredictionMetrics
{
    /// <summary>
    /// Computes the task's metrics over the rows that have a label and a prediction (and a
    /// probability, when a probability column is named: every metric is then over the same rows).
    /// </summary>
    /// <param name="table">The loaded file.</param>
    /// <param name="columns">Where the label, prediction and (binary) probability are.</param>
    /// <param name="task">The task, or null to infer it from the label (<see cref="TaskInference"/>).</param>
    /// <param name="positiveClass">Binary only: the label value that is the positive class, when it cannot be told.</param>
    /// <exception cref="InputException">A column is missing or holds values the task cannot use.</exception>
    public static RealizedMetrics Compute(DataTable table, PredictionColumns columns, MetricTask? task, string? positiveClass = null)
    {
        var path = table.SourcePath;
        var label = Require(table, columns.Label, "--label");
        var prediction = Require(table, columns.Prediction, "--prediction");
        var probability = columns.Probability is null ? null : Require(table, columns.Probability, "--probability");

        var rows = new List<int>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            if (!ColumnValues.IsMissing(label, row) && !ColumnValues.IsMissing(prediction, row)
                && (probability is null || !ColumnValues.IsMissing(probability, row)))
            {
                rows.Add(row);
            }
        }

        if (rows.Count == 0)
        {
            throw new InputException(
                "no row has both a label and a prediction" + (probability is null ? string.Empty : " and a probability"),
                path, column: label.Name, hint: "Check --label, --prediction and --probability name the right columns.");
        }

        var (resolvedTask, reason) = task is { } given
            ? new InferredTask(given, "given: " + given.ToString().ToLowerInvariant())
            : TaskInference.Infer(label, path);

        var (values, evidence) = resolvedTask switch
        {
            MetricTask.Binary => Binary(path, label, prediction, probability, rows, positiveClass),
            MetricTask.Multiclass => Multiclass(path, label, prediction, probability, rows),
            MetricTask.Regression => Regression(path, label, prediction, probability, rows),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
        };

        return new RealizedMetrics(resolvedTask, values, rows.Count, table.RowCount - rows.Count, reason, evidence);
    }

    private static DataColumn Require(DataTable table, string name, string option) =>
        table.Find(name) ?? throw new InputException(
            $"no column '{name}' (the file has: {string.Join(", ", table.Columns.Select(c => c.Name))})",
            table.SourcePath, column: name, hint: $"Pass the right column name with {option}.");

    private static (MetricSet, MetricRows) Binary(string path, DataColumn label, DataColumn prediction, DataColumn? probability, List<int> rows, string? positiveClass)
    {
        var classes = BinaryClasses.Resolve(label, positiveClass, path);
        var actual = new bool[rows.Count];
        var predicted = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            actual[i] = classes.IsPositive(label, rows[i], path);
            predicted[i] = classes.IsPositive(prediction, rows[i], path);
        }

        var probabilities = probability is null ? null : Probabilities(path, probability, rows);
        return (BinaryMetrics.Compute(actual, predicted, probabilities), MetricRows.Binary(actual, predicted, probabilities));
    }

    internal static double[] Probabilities(string path, DataColumn column, List<int> rows)
    {
        if (column is not NumericColumn numeric || column.Kind != ColumnKind.Numeric)
        {
            throw new InputException(
                "the probability column is not numeric", path, column: column.Name,
                hint: "Point --probability at the predicted probability of the positive class (0 to 1).");
        }

        var probabilities = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var p = numeric.Values[rows[i]];
            if (p is < 0 or > 1)
            {
                throw new InputException(
                    $"probability {p.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]", path, column.LineOf(rows[i]), column.Name,
                    "Point --probability at the probability of the positive class, not a raw score or margin.");
            }

            probabilities[i] = p;
        }

        return probabilities;
    }

    private static (MetricSet, MetricRows) Multiclass(string path, DataColumn label, DataColumn prediction, DataColumn? probability, List<int> rows)
    {
        RefuseProbability(path, probability, "multiclass");

        // Classes are the values seen in either column, numbered in ordinal order so results do not depend on row order.
        var labelText = new string[rows.Count];
        var predictionText = new string[rows.Count];
        var classes = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            labelText[i] = ColumnValues.Text(label, rows[i]);
            predictionText[i] = ColumnValues.Text(prediction, rows[i]);
            classes.Add(labelText[i]);
            classes.Add(predictionText[i]);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in classes)
        {
            index.Add(name, index.Count);
        }

        var actual = new int[rows.Count];
        var predicted = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            actual[i] = index[labelText[i]];
            predicted[i] = index[predictionText[i]];
        }

        return (MulticlassMetrics.Compute(actual, predicted, index.Count, probabilities: null), MetricRows.Multiclass(actual, predicted, index.Count, probabilities: null));
    }

    private static (MetricSet, MetricRows) Regression(string path, DataColumn label, DataColumn prediction, DataColumn? probability, List<int> rows)
    {
        RefuseProbability(path, probability, "regression");
        var actual = Numbers(path, label, rows, "--label");
        var predicted = Numbers(path, prediction, rows, "--prediction");
        return (RegressionMetrics.Compute(actual, predicted), MetricRows.Regression(actual, predicted));
    }

    private static double[] Numbers(string path, DataColumn column, List<int> rows, string option)
    {
        if (column is not NumericColumn numeric || column.Kind != ColumnKind.Numeric)
        {
            throw new InputException(
                "regression needs numbers, this column is " + column.Kind.ToString().ToLowerInvariant(), path, column: column.Name,
                hint: $"Point {option} at a numeric column, or pass --task binary or --task multiclass.");
        }

        var values = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            values[i] = numeric.Values[rows[i]];
        }

        return values;
    }

    private static void RefuseProbability(string path, DataColumn? probability, string task)
    {
        if (probability is not null)
        {
            throw new InputException(
                $"a probability column applies to binary classification, not {task}", path, column: probability.Name,
                hint: "Leave out --probability, or pass --task binary if the label has two classes.");
        }
    }
}
