namespace AdaptGate.Build;

/// <summary>The three verdicts as the JSON report and $(AdaptGateVerdict) spell them.</summary>
internal static class Verdicts
{
    public const string Skip = "skip";
    public const string FineTune = "fine-tune";
    public const string Retrain = "retrain";

    public static bool IsKnown(string? verdict) => verdict is Skip or FineTune or Retrain;
}
