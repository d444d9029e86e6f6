using AdaptGate.Core.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// Which value of a binary label is the positive class, and how to read any column of the same
/// two values as true/false. 0/false and 1/true count as the same class across columns, so a
/// boolean label can be compared with a 0/1 prediction.
/// </summary>
internal sealed class BinaryClasses
{
    private static readonly string[] ConventionalPositives = ["1", "true", "yes", "positive"];

    private BinaryClasses(string positive, string? negative)
    {
        Positive = positive;
        Negative = negative;
    }

    public string Positive { get; }

    /// <summary>The other value; null while the label holds the positive class only.</summary>
    public string? Negative { get; private set; }

    /// <summary>
    /// Numeric labels must be 0/1 (positive 1); boolean labels are positive when true; text labels need
    /// exactly two values, one of them a conventional positive ("1", "true", "yes", "positive"), or
    /// <paramref name="positiveClass"/>.
    /// </summary>
    public static BinaryClasses Resolve(DataColumn label, string? positiveClass, string filePath)
    {
        var values = new List<string>();
        for (var row = 0; row < label.Length; row++)
        {
            if (ColumnValues.IsMissing(label, row))
            {
                continue;
            }

            var text = ColumnValues.Text(label, row);
            if (!values.Exists(v => SameClass(v, text)))
            {
                values.Add(text);
                if (values.Count > 2)
                {
                    throw new InputException(
                        $"a binary label has two values, this one has more ({string.Join(", ", values)}, ...)",
                        filePath, label.LineOf(row), label.Name,
                        "Pass --task multiclass or --task regression, or point --label at a binary column.");
                }
            }

            if (positiveClass is null && label is NumericColumn && text is not ("0" or "1"))
            {
                throw new InputException(
                    $"a numeric binary label must be 0 or 1, found {text}", filePath, label.LineOf(row), label.Name,
                    "Pass --task regression or --task multiclass if the label is not binary.");
            }
        }

        if (positiveClass is not null)
        {
            return new BinaryClasses(positiveClass, values.Find(v => !SameClass(v, positiveClass)));
        }

        if (label is NumericColumn || label.Kind == ColumnKind.Boolean)
        {
            return new BinaryClasses(label is NumericColumn ? "1" : "true", label is NumericColumn ? "0" : "false");
        }

        var conventional = values.FindAll(v => Array.Exists(ConventionalPositives, p => SameClass(p, v)));
        if (conventional.Count == 1)
        {
            return new BinaryClasses(conventional[0], values.Find(v => v != conventional[0]));
        }

        throw new InputException(
            $"cannot tell which label value is the positive class ({string.Join(", ", values)})",
            filePath, column: label.Name,
            hint: "Pass --positive-class with the value that means the event the model predicts.");
    }

    /// <summary>Reads a cell as the positive class (true) or the other one (false).</summary>
    public bool IsPositive(DataColumn column, int row, string filePath)
    {
        var text = ColumnValues.Text(column, row);
        if (SameClass(text, Positive))
        {
            return true;
        }

        Negative ??= text;
        if (SameClass(text, Negative))
        {
            return false;
        }

        throw new InputException(
            $"'{text}' is neither the positive class '{Positive}' nor the negative class '{Negative}'",
            filePath, column.LineOf(row), column.Name,
            "The label and prediction columns must use the same two values.");
    }

    private static bool SameClass(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        || (IsOne(a) && IsOne(b))
        || (IsZero(a) && IsZero(b));

    private static bool IsOne(string value) => value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsZero(string value) => value == "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
}
