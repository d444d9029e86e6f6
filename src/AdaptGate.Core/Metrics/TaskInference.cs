using System.Globalization;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>Guesses binary, multiclass or regression from the values of a label column.</summary>
public static class TaskInference
{
    /// <summary>Above this many distinct integer values a numeric label is taken for a quantity, not classes.</summary>
    public const int MaxClasses = 20;

    /// <summary>
    /// Two distinct values (or one) → binary; a numeric label with non-integer values or more than
    /// <see cref="MaxClasses"/> distinct values → regression; otherwise (a few classes) → multiclass.
    /// </summary>
    /// <exception cref="InputException">The label has no values at all.</exception>
    public static InferredTask Infer(DataColumn label, string? filePath = null)
    {
        var numeric = label as NumericColumn;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var nonInteger = false;
        for (var row = 0; row < label.Length; row++)
        {
            if (ColumnValues.IsMissing(label, row))
            {
                continue;
            }

            // Past MaxClasses + 1 the count no longer changes the answer; keep scanning numbers for fractions only.
            if (distinct.Count <= MaxClasses)
            {
                distinct.Add(ColumnValues.Text(label, row));
            }

            if (numeric is not null && numeric.Values[row] != Math.Floor(numeric.Values[row]))
            {
                nonInteger = true;
            }
        }

        var name = "label '" + label.Name + "'";
        if (distinct.Count == 0)
        {
            throw new InputException(
                "the label column has no values (every row is missing)", filePath, column: label.Name,
                hint: "Point --label at the column that holds the true outcome.");
        }

        if (distinct.Count <= 2)
        {
            var values = string.Join(", ", distinct.Order(StringComparer.Ordinal));
            return new InferredTask(MetricTask.Binary, $"{name} has {Count(distinct.Count)} ({values}): binary");
        }

        if (numeric is not null && nonInteger)
        {
            return new InferredTask(MetricTask.Regression, $"{name} is numeric with non-integer values: regression");
        }

        if (numeric is not null && distinct.Count > MaxClasses)
        {
            return new InferredTask(MetricTask.Regression, $"{name} is numeric with more than {MaxClasses} distinct values: regression");
        }

        if (distinct.Count > MaxClasses)
        {
            return new InferredTask(MetricTask.Multiclass, $"{name} is text with more than {MaxClasses} distinct values: multiclass");
        }

        return new InferredTask(MetricTask.Multiclass, $"{name} has {Count(distinct.Count)}: multiclass");
    }

    private static string Count(int distinct) =>
        distinct.ToString(CultureInfo.InvariantCulture) + (distinct == 1 ? " distinct value" : " distinct values");
}
