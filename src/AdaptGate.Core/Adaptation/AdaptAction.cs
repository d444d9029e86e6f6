using System.Text.Json.Serialization;

namespace AdaptGate.Core.Adaptation;

/// <summary>What <c>adaptgate adapt</c> is asked to do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdaptAction>))]
public enum AdaptAction
{
    /// <summary>Run the check on the same inputs and carry out its verdict.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>Continue training from the model's own parameters on current data plus a replay sample of the reference.</summary>
    [JsonStringEnumMemberName("fine-tune")]
    FineTune,

    /// <summary>Train the same model family from scratch on reference plus current data.</summary>
    [JsonStringEnumMemberName("retrain")]
    Retrain,

    /// <summary>Run both and measure them against the unchanged model on held-out slices.</summary>
    [JsonStringEnumMemberName("compare")]
    Compare,
}

public static class AdaptActionNames
{
    public static readonly IReadOnlyList<string> All = ["auto", "fine-tune", "retrain", "compare"];

    public static bool TryParse(string text, out AdaptAction action)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "auto":
                action = AdaptAction.Auto;
                return true;
            case "fine-tune" or "finetune":
                action = AdaptAction.FineTune;
                return true;
            case "retrain":
                action = AdaptAction.Retrain;
                return true;
            case "compare":
                action = AdaptAction.Compare;
                return true;
            default:
                action = AdaptAction.Auto;
                return false;
        }
    }

    public static string Name(this AdaptAction action) => action switch
    {
        AdaptAction.Auto => "auto",
        AdaptAction.FineTune => "fine-tune",
        AdaptAction.Retrain => "retrain",
        AdaptAction.Compare => "compare",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
