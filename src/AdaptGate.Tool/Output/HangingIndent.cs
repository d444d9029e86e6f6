using System.Text;

namespace AdaptGate.Tool.Output;

/// <summary>Wraps a long sentence at word boundaries so that its continuation lines hang under the text, not the bullet.</summary>
internal static class HangingIndent
{
    /// <returns>The wrapped lines, each ending in a newline.</returns>
    public static string Wrap(string prefix, string text, int width, int? indent = null)
    {
        var hang = new string(' ', indent ?? prefix.Length);
        var result = new StringBuilder();
        var line = new StringBuilder(prefix);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                result.Append(line).Append('\n');
                line.Clear().Append(hang);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        return result.Append(line).Append('\n').ToString();
    }
}
