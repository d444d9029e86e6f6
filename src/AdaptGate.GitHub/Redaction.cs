namespace AdaptGate.GitHub;

/// <summary>Takes secrets out of text before it can reach a log.</summary>
public static class Redaction
{
    public const string Mask = "***";

    /// <summary>The text with every occurrence of each (non-empty) secret replaced by ***.</summary>
    public static string Scrub(string text, params IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
