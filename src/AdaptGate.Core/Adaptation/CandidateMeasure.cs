using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;
using Microsoft.ML;

namespace AdaptGate.Core.Adaptation;

/// <summary>Scores a candidate on the held-out current rows (benefit) and held-out reference rows (forgetting).</summary>
internal sealed class CandidateMeasure(
    MLContext ml, ModelAnatomy model, string label, string? positiveClass, MetricTask task, string primary, AdaptData data, string modelPath, CancellationToken cancellationToken)
{
    private readonly Dictionary<Verdict, MetricRows> _evidence = [];

    /// <summary>Each measured candidate's scored held-out current rows, all in the same row order.</summary>
    public IReadOnlyDictionary<Verdict, MetricRows> Evidence => _evidence;

    /// <summary>The model as it is: the skip candidate, and the yardstick of forgetting.</summary>
    public (CandidateResult Result, double? Reference) Unchanged()
    {
        var current = Score(model.Whole, model.InputSchema, data.CurrentHoldout, modelPath, Verdict.Skip);
        var reference = Score(model.Whole, model.InputSchema, data.ReferenceHoldout, modelPath);
        return (new CandidateResult(Verdict.Skip, "unchanged", 0, 0, current, reference, reference is null ? null : 0, 0, null), reference);
    }

    /// <remarks><c>inputSchema</c>: The adapted model's input (a retrain from a recipe reads the recipe's columns).</remarks>
    public CandidateResult Trained(Verdict action, ITransformer adapted, DataViewSchema inputSchema, int referenceRows, int currentRows, double seconds, (CandidateResult Result, double? Reference) unchanged)
    {
        var name = $"the {action.Name()} model";
        var current = Score(adapted, inputSchema, data.CurrentHoldout, name, action);
        var reference = Score(adapted, inputSchema, data.ReferenceHoldout, name);
        double? forgetting = reference is { } r && unchanged.Reference is { } before
            ? MetricDirection.HigherIsBetter(primary) ? before - r : r - before
            : null;
        return new CandidateResult(action, "trained", referenceRows, currentRows, current, reference, forgetting, seconds, null);
    }

    /// <remarks>With <paramref name="keepAs"/> the scored rows are kept as that candidate's evidence.</remarks>
    private double? Score(ITransformer transformer, DataViewSchema inputSchema, DataTable rows, string name, Verdict? keepAs = null)
    {
        if (rows.RowCount == 0)
        {
            return null;
        }

        var metrics = ModelEvaluator.Evaluate(ml, transformer, inputSchema, rows, label, task, positiveClass, name, cancellationToken, withEvidence: keepAs is not null);
        if (keepAs is { } action && metrics.Evidence is { } evidence)
        {
            _evidence[action] = evidence;
        }

        if (!metrics.Values.TryGetValue(primary, out var value))
        {
            throw new InputException(
                $"The primary metric '{primary}' is not among the model's metrics ({string.Join(", ", metrics.Values.Names)}).",
                modelPath, hint: "Set metrics.primary in the policy to one of them.");
        }

        return value;
    }
}
