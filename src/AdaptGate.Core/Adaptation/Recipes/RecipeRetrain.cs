using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>
/// A retrain that starts from nothing: the recipe's whole estimator chain (featurizer and trainer) fitted on the
/// retrain rows, so it learns their categories, their ranges and the columns they still have. Built once per adapt;
/// the constructor checks that every step applies to the schema, so a bad recipe fails before any training.
/// </summary>
internal sealed class RecipeRetrain
{
    private readonly BoundRecipe _bound;
    private readonly string[]? _classes;
    private readonly string? _positiveClass;
    private readonly int _seed;

    /// <exception cref="InputException">A step or the trainer cannot be applied to the columns the recipe gives it (names the step's JSON path).</exception>
    /// <remarks><c>current</c>: The current rows: the steps are tried on a sample of them.</remarks>
    public RecipeRetrain(BoundRecipe bound, DataTable current, string[]? classes, string? positiveClass, int seed)
    {
        _bound = bound;
        _classes = classes;
        _positiveClass = positiveClass;
        _seed = bound.Recipe.Trainer.Seed ?? seed;
        Check(current);
    }

    public BoundRecipe Bound => _bound;

    /// <returns>The fitted chain and the input schema it is saved with (the recipe's columns, without the label).</returns>
    public (ITransformer Model, DataViewSchema InputSchema) Fit(DataTable rows, string labelColumn, CancellationToken cancellationToken)
    {
        var (label, kept) = TrainingView.LabelOf(rows, labelColumn, _positiveClass, _bound.Task, _classes, out _);
        var ml = new MLContext(seed: _seed);

        // Not cached: a cache would read the view once and stop checking the budget's token.
        IDataView view = new ColumnDataView([.. Inputs(rows, kept), label], kept.Length, cancellationToken);
        var parts = FitSteps(ml, ref view);
        var trainer = RecipePipeline.Trainer(ml, _bound.Recipe.Trainer, TrainingView.Label);
        parts.Add(Fitted("$.trainer", $"the trainer {_bound.Recipe.Trainer.Name}", () => trainer.Fit(view)));
        if (_bound.Task == MetricTask.Multiclass)
        {
            // As Model Builder does: the predicted class key goes back to the class's value.
            var scored = parts[^1].Transform(view);
            parts.Add(ml.Transforms.Conversion.MapKeyToValue(ModelOutputTask.PredictedLabel).Fit(scored));
        }

        return (new TransformerChain<ITransformer>([.. parts]), _bound.InputSchema);
    }

    /// <summary>Fits the featurizing steps on a sample of current rows, so a step ML.NET refuses fails before any candidate is trained.</summary>
    private void Check(DataTable current)
    {
        var sample = Enumerable.Range(0, Math.Min(current.RowCount, 200)).ToArray();
        IDataView view = new ColumnDataView(Inputs(current, sample), sample.Length, CancellationToken.None);
        FitSteps(new MLContext(seed: _seed), ref view);
    }

    /// <summary>Fits each step on the output of the one before, as ML.NET's estimator chain does, so a refusal names its step.</summary>
    private List<ITransformer> FitSteps(MLContext ml, ref IDataView view)
    {
        var parts = new List<ITransformer>();
        for (var i = 0; i < _bound.Recipe.Steps.Count; i++)
        {
            var step = _bound.Recipe.Steps[i];
            var input = view;
            var fitted = Fitted($"$.steps[{_bound.FileSteps[i]}]", $"the step {step.Step}", () => RecipePipeline.Step(ml, step).Fit(input));
            view = fitted.Transform(view);
            parts.Add(fitted);
        }

        return parts;
    }

    private ITransformer Fitted(string at, string what, Func<ITransformer> fit)
    {
        try
        {
            return fit();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InputException(
                $"{at}: ML.NET cannot apply {what} to the columns it gets: {e.Message}", _bound.Path,
                hint: "Check the kinds in \"columns\" and the order of the steps: categories are encoded before they are concatenated, and the trainer reads one numeric vector.", inner: e);
        }
    }

    private List<ViewColumn> Inputs(DataTable rows, int[] kept)
    {
        var unprovided = new List<(string Column, string Problem)>();
        var inputs = ModelInputColumns.Build(_bound.InputSchema, rows, kept, unprovided);
        if (unprovided.Count > 0)
        {
            throw new InputException(
                $"the recipe needs columns {rows.SourcePath} cannot give: {string.Join("; ", unprovided.Select(u => u.Problem))}", _bound.Path,
                hint: "Declare each column with the kind its values have in every file (a column holding text is categorical or text).");
        }

        return inputs;
    }
}
