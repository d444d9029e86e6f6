using System.Diagnostics;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;
using Microsoft.ML;

namespace AdaptGate.Core.Adaptation;

/// <summary>Trains one candidate (a fine-tune or a retrain) within what is left of the time budget.</summary>
internal sealed class CandidateTrainer
{
    private readonly ModelAnatomy _model;
    private readonly TrainerRecipe _recipe;
    private readonly MetricTask _task;
    private readonly string[]? _classes;
    private readonly string _label;
    private readonly string? _positiveClass;
    private readonly string _modelPath;
    private readonly int _seed;
    private readonly DateTime? _deadline;
    private readonly Recipes.RecipeRetrain? _fromRecipe;

    /// <summary>The note of a candidate the budget left no time to start.</summary>
    internal const string BudgetSpent = "not started: the time budget was spent";

    /// <remarks><c>fromRecipe</c>: When given, a retrain fits the recipe's whole pipeline instead of a predictor behind the old featurizer.</remarks>
    public CandidateTrainer(ModelAnatomy model, TrainerRecipe recipe, MetricTask task, string[]? classes, string label, string? positiveClass, string modelPath, int seed, TimeSpan? budget, Recipes.RecipeRetrain? fromRecipe = null)
    {
        _fromRecipe = fromRecipe;
        _model = model;
        _recipe = recipe;
        _task = task;
        _classes = classes;
        _label = label;
        _positiveClass = positiveClass;
        _modelPath = modelPath;
        _seed = seed;
        _deadline = budget is { } b ? DateTime.UtcNow + b : null;
    }

    /// <returns>The whole new model (featurizer, new predictor, post-processing) and the input schema it is saved with, or null with a note when the budget stopped it.</returns>
    public (ITransformer? Model, DataViewSchema InputSchema, double Seconds, string? Note) Train(Verdict action, DataTable rows, CancellationToken cancellationToken)
    {
        var left = _deadline is { } deadline ? deadline - DateTime.UtcNow : (TimeSpan?)null;
        if (left is { } none && none <= TimeSpan.Zero)
        {
            return (null, _model.InputSchema, 0, BudgetSpent);
        }

        // The training view checks this token as trainers read it (every pass starts a cursor), so the
        // budget and Ctrl+C stop a trainer between passes over the data.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (left is { } l)
        {
            stop.CancelAfter(l);
        }

        var ml = new MLContext(seed: _seed);
        var clock = Stopwatch.StartNew();
        try
        {
            if (action == Verdict.Retrain && _fromRecipe is not null)
            {
                var (fitted, schema) = _fromRecipe.Fit(rows, _label, stop.Token);
                return (fitted, schema, clock.Elapsed.TotalSeconds, null);
            }

            var view = TrainingView.Build(_model, rows, _label, _positiveClass, _task, _classes, _modelPath, out _, stop.Token);

            // Not cached: a cache would read the view once and stop checking the token.
            var features = _model.Featurize(view);
            var predictor = action == Verdict.FineTune
                ? _recipe.FineTune(ml, features, TrainingView.Label, _model.FeatureColumn)
                : _recipe.Retrain(ml, features, TrainingView.Label, _model.FeatureColumn);
            return (_model.With(predictor), _model.InputSchema, clock.Elapsed.TotalSeconds, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, _model.InputSchema, clock.Elapsed.TotalSeconds, "stopped: the time budget ran out before it finished");
        }
    }
}
