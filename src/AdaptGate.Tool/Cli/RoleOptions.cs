using System.CommandLine;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Tool.Cli;

/// <summary>The options that name the label and the model's outputs: declared once, for 'check' and for the 'profile' a check reads in place of the data.</summary>
internal sealed class RoleOptions
{
    private static readonly string[] TaskNames = ["binary", "multiclass", "regression"];

    public RoleOptions()
    {
        Task.AcceptOnly(TaskNames);
    }

    public Option<string?> Label { get; } = new("--label") { Description = "The label column: never a feature; its drift is target drift. With --prediction or --model, metrics decide." };

    public Option<string?> Prediction { get; } = new("--prediction") { Description = "The column holding the model's stored predictions (as monitoring logs keep them)." };

    public Option<string?> Probability { get; } = new("--probability") { Description = "The column holding the predicted probability of the positive class (binary; enables auc and log-loss); for a multiclass model one column per class, as a prefix ('prob_*') or a list (prob_a,prob_b,prob_c)." };

    public Option<string?> Task { get; } = new("--task") { Description = "binary, multiclass or regression (default: inferred from the label or the model)." };

    public Option<string?> PositiveClass { get; } = new("--positive-class") { Description = "The label value of the positive class, when it is not 1, true or yes." };

    public static MetricTask? ParseTask(string? text) => text switch
    {
        "binary" => MetricTask.Binary,
        "multiclass" => MetricTask.Multiclass,
        "regression" => MetricTask.Regression,
        _ => null,
    };
}
