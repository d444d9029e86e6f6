using AdaptGate.Core.Decision;

namespace AdaptGate.Tool.Cli;

/// <summary>The verdict at which the process exits 1, so a pipeline step fails (or not: none).</summary>
internal enum FailOn
{
    None,
    FineTune,
    Retrain,
}

internal static class FailOnExtensions
{
    public static readonly string[] Names = ["none", "fine-tune", "retrain"];

    public static bool Reached(this FailOn failOn, Verdict verdict) => failOn switch
    {
        FailOn.None => false,
        FailOn.FineTune => verdict >= Verdict.FineTune,
        FailOn.Retrain => verdict >= Verdict.Retrain,
        _ => false,
    };

    /// <summary>The least verdict that reaches it, or null for none.</summary>
    public static Verdict? Threshold(this FailOn failOn) => failOn switch
    {
        FailOn.FineTune => Verdict.FineTune,
        FailOn.Retrain => Verdict.Retrain,
        _ => null,
    };

    public static FailOn Parse(string text) => text switch
    {
        "none" => FailOn.None,
        "fine-tune" => FailOn.FineTune,
        "retrain" => FailOn.Retrain,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a --fail-on value"),
    };
}
