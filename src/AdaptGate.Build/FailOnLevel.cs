namespace AdaptGate.Build;

/// <summary>The verdict at which the build fails: the CLI's --fail-on, evaluated by the tasks so an up-to-date build fails the same way.</summary>
internal enum FailOnLevel
{
    None,
    FineTune,
    Retrain,
}

internal static class FailOnLevels
{
    public const string Accepted = "none, fine-tune or retrain";

    /// <summary>Empty means none, as a property nobody set.</summary>
    public static bool TryParse(string? text, out FailOnLevel level)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "":
            case "none":
                level = FailOnLevel.None;
                return true;
            case "fine-tune":
                level = FailOnLevel.FineTune;
                return true;
            case "retrain":
                level = FailOnLevel.Retrain;
                return true;
            default:
                level = FailOnLevel.None;
                return false;
        }
    }

    public static bool Reached(this FailOnLevel level, string verdict) => level switch
    {
        FailOnLevel.FineTune => verdict is Verdicts.FineTune or Verdicts.Retrain,
        FailOnLevel.Retrain => verdict is Verdicts.Retrain,
        _ => false,
    };

    public static string Name(this FailOnLevel level) => level switch
    {
        FailOnLevel.FineTune => Verdicts.FineTune,
        FailOnLevel.Retrain => Verdicts.Retrain,
        _ => "none",
    };
}
