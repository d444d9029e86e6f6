using System.Text.Json.Serialization;

namespace AdaptGate.Core.Decision;

/// <summary>What to do with the model, cheapest first: the order is used to compare verdicts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("skip")]
    Skip = 0,

    [JsonStringEnumMemberName("fine-tune")]
    FineTune = 1,

    [JsonStringEnumMemberName("retrain")]
    Retrain = 2,
}

public static class VerdictNames
{
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Skip => "skip",
        Verdict.FineTune => "fine-tune",
        Verdict.Retrain => "retrain",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static bool TryParse(string text, out Verdict verdict)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "skip":
                verdict = Verdict.Skip;
                return true;
            case "fine-tune" or "finetune":
                verdict = Verdict.FineTune;
                return true;
            case "retrain":
                verdict = Verdict.Retrain;
                return true;
            default:
                verdict = Verdict.Skip;
                return false;
        }
    }
}
