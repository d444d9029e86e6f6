using AdaptGate.Core.Drift;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Checking;

/// <summary>The policy with the request's overrides applied: what this one check actually uses.</summary>
internal sealed class CheckSettings
{
    public CheckSettings(GatePolicy policy, CheckRequest request)
    {
        Policy = policy;
        Request = request;
        DefaultMethod = request.DriftMethod ?? policy.Drift.Method;
        Label = request.LabelColumn ?? policy.Target.Label;
        Prediction = request.PredictionColumn ?? policy.Target.Prediction;
        ProbabilitySpec = request.ProbabilityColumn ?? policy.Target.Probability;
        Probability = ProbabilityColumns.IsSeveral(ProbabilitySpec) ? null : ProbabilitySpec;
        PositiveClass = request.PositiveClass ?? policy.Target.PositiveClass;
        Task = request.Task ?? ParseTask(policy.Target.Task);

        Ignored = new HashSet<string>(StringComparer.Ordinal);
        Ignored.UnionWith(policy.Ignore);
        Ignored.UnionWith(request.IgnoredColumns);
        Ignored.UnionWith(policy.Columns.Where(c => c.Value.Ignore).Select(c => c.Key));
        ColumnRoles.RequireOneEach(this);
    }

    public GatePolicy Policy { get; }

    /// <summary>How both files are read: the request's options over the policy's input section.</summary>
    public static Data.TableReadOptions ReadOptions(GatePolicy policy, CheckRequest request) => new()
    {
        Delimiter = request.Delimiter,
        HasHeader = request.HasHeader ?? policy.Input.Header,
        ColumnNames = request.ColumnNames.Count > 0 ? request.ColumnNames : policy.Input.ColumnNames,
        MissingValues = [.. policy.Input.NaValues.Concat(request.NaValues).Distinct(StringComparer.Ordinal)],
    };

    public CheckRequest Request { get; }

    public DriftMethod DefaultMethod { get; }

    public string? Label { get; }

    public string? Prediction { get; }

    /// <summary>The binary model's probability column; null when <see cref="ProbabilitySpec"/> names one column per class.</summary>
    public string? Probability { get; }

    /// <summary>--probability or target.probability as given: one column, a list, or a prefix ending in * (<see cref="ProbabilityColumns"/>).</summary>
    public string? ProbabilitySpec { get; }

    public string? PositiveClass { get; }

    public MetricTask? Task { get; }

    public HashSet<string> Ignored { get; }

    /// <summary>The label and model-output columns: reported as target and prediction drift, never as features.</summary>
    public IEnumerable<string> TargetColumns => new[] { Label, Prediction, Probability }.OfType<string>();

    /// <summary>The method a column asks for: its own, else the request's, else the policy's.</summary>
    public DriftMethod MethodFor(string column) =>
        Policy.Columns.TryGetValue(column, out var own) && own.Method is { } method ? method : DefaultMethod;

    /// <summary>The column's threshold for the method that was resolved for it.</summary>
    public double ThresholdFor(string column, DriftMethod resolved)
    {
        if (Policy.Columns.TryGetValue(column, out var own) && own.Threshold is { } threshold)
        {
            return threshold;
        }

        return Request.DriftThreshold ?? Policy.Drift.Thresholds.For(resolved);
    }

    public double WeightFor(string column) =>
        Policy.Columns.TryGetValue(column, out var own) ? own.Weight : 1.0;

    public Data.ColumnKind? KindFor(string column) =>
        Policy.Columns.TryGetValue(column, out var own) ? own.Kind : null;

    private static MetricTask? ParseTask(string? task) => task?.ToLowerInvariant() switch
    {
        null => null,
        "binary" => MetricTask.Binary,
        "multiclass" => MetricTask.Multiclass,
        "regression" => MetricTask.Regression,
        _ => throw new InputException($"Unknown task '{task}'.", hint: "Use binary, multiclass or regression."),
    };
}
