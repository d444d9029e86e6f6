using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The rows a trainer learns from, as the model's input columns plus a label column AdaptGate builds
/// itself in the type the trainer wants (Boolean, class key, Single). A saved model does not say which
/// column its trainer used as the label, so the label is rebuilt from the file under a name of its own.
/// </summary>
internal static class TrainingView
{
    public const string Label = "AdaptGate.TrainingLabel";

    /// <summary>
    /// The training view of a table of labeled rows. Multiclass: <c>classes</c> are the model's classes in
    /// key order; rows of other classes are left out and counted in <c>leftOut</c>.
    /// </summary>
    public static IDataView Build(ModelAnatomy model, DataTable table, string labelColumn, string? positiveClass, MetricTask task, string[]? classes, string modelPath, out int leftOut, CancellationToken cancellationToken)
    {
        var (labelValues, rows) = LabelOf(table, labelColumn, positiveClass, task, classes, out leftOut);
        var unprovided = new List<(string Column, string Problem)>();
        var inputs = ModelInputColumns.Build(model.InputSchema, table, rows, unprovided);
        var view = new ColumnDataView([.. inputs, labelValues], rows.Length, cancellationToken);
        try
        {
            model.Whole.GetOutputSchema(view.Schema);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InputException(
                $"the model {modelPath} needs input the data cannot give: {string.Join("; ", unprovided.Select(u => u.Problem))} (ML.NET: {e.Message})",
                table.SourcePath, column: unprovided.Count > 0 ? unprovided[0].Column : null,
                hint: "Adapt the model with files that have the columns it was trained on, with the same names and kinds.", inner: e);
        }

        return view;
    }

    /// <summary>The label column a trainer reads (<see cref="Label"/>) and the rows it keeps (multiclass: the rows of the given classes).</summary>
    public static (ViewColumn Label, int[] Rows) LabelOf(DataTable table, string labelColumn, string? positiveClass, MetricTask task, string[]? classes, out int leftOut)
    {
        var label = table.Find(labelColumn)!;
        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        leftOut = 0;
        ViewColumn labelValues;
        switch (task)
        {
            case MetricTask.Binary:
                var binary = BinaryClasses.Resolve(label, positiveClass, table.SourcePath);
                labelValues = new ViewColumn(Label, BooleanDataViewType.Instance, rows.Select(r => binary.IsPositive(label, r, table.SourcePath)).ToArray());
                break;
            case MetricTask.Multiclass:
                var keys = classes!.Select((c, k) => (c, Key: (uint)(k + 1))).GroupBy(p => p.c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
                rows = rows.Where(r => keys.ContainsKey(ColumnValues.Text(label, r))).ToArray();
                leftOut = table.RowCount - rows.Length;
                labelValues = new ViewColumn(Label, new KeyDataViewType(typeof(uint), classes!.Length), rows.Select(r => keys[ColumnValues.Text(label, r)]).ToArray(), ClassNames(classes!));
                break;
            default:
                if (label is not NumericColumn { Kind: ColumnKind.Numeric } numeric)
                {
                    throw new InputException("a regression label must be numeric", table.SourcePath, column: label.Name, hint: "Point --label at the numeric target the model predicts.");
                }

                labelValues = new ViewColumn(Label, NumberDataViewType.Single, rows.Select(r => (float)numeric.Values[r]).ToArray());
                break;
        }

        return (labelValues, rows);
    }

    /// <summary>The class names as the label's key values, so the new predictor's PredictedLabel maps back to them.</summary>
    private static DataViewSchema.Annotations ClassNames(string[] classes)
    {
        var names = classes.Select(c => c.AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(names.Length, names);
        builder.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, names.Length), getter);
        return builder.ToAnnotations();
    }
}
