using System.Text;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub;

/// <summary>The commit status that carries the verdict: its context, state and description.</summary>
public static class VerdictStatus
{
    /// <summary>Branch protection can require this context.</summary>
    public const string Context = "adaptgate/verdict";

    /// <summary>GitHub cuts longer descriptions itself, without saying so.</summary>
    public const int MaxDescriptionLength = 140;

    /// <summary>Skip always passes; fine-tune and retrain fail only from the --fail-on verdict up (null: never).</summary>
    public static StatusState State(Verdict verdict, Verdict? failOn) =>
        failOn is { } threshold && verdict >= threshold ? StatusState.Failure : StatusState.Success;

    /// <summary>One line of at most 140 characters, an ellipsis marking a cut.</summary>
    public static string Description(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            line.Append(line.Length > 0 ? " " : string.Empty).Append(part);
        }

        // The text quotes the data, and the description is also printed to the log: no control character either.
        line = new StringBuilder(InertText.Escape(line.ToString()));

        if (line.Length <= MaxDescriptionLength)
        {
            return line.ToString();
        }

        // Never split a surrogate pair: a lone half would be invalid JSON text for GitHub.
        var cut = MaxDescriptionLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line.ToString(0, cut).TrimEnd() + "…";
    }
}
