using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Reports;

/// <summary>
/// Text from the data (column names, categories, the messages that quote them) made one inert line
/// for every human-readable output: the terminal, the Markdown report, CI annotations, MSBuild
/// messages. A data value can then neither start a line (a CI runner reads <c>::error::</c>,
/// <c>::add-mask::</c> and <c>##vso[...]</c> there) nor send a control sequence to a terminal.
/// The characters are escaped visibly, as C# writes them, so two names that differ only there still
/// look different; the JSON report keeps the exact text. docs/reports.md ("Names from the data") has the list.
/// </summary>
/// <remarks>Compiled into the MSBuild task too (net472), so it uses nothing newer than netstandard2.0.</remarks>
public static class InertText
{
    public static string Escape(string text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = EscapeOf(text, i);
            if (escape is null)
            {
                result?.Append(text[i]);
                continue;
            }

            if (result is null)
            {
                result = new StringBuilder(text.Length + 16);
                result.Append(text, 0, i);
            }

            result.Append(escape);
        }

        return result?.ToString() ?? text;
    }

    private static string? EscapeOf(string text, int i)
    {
        var c = text[i];
        switch (c)
        {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";

            // Two in a row is how workflow commands (::) and logging commands (##vso[, ##[) begin; breaking every
            // such pair, not only one at the start, leaves none even where a long line is wrapped in the middle.
            case ':' or '#' when i + 1 < text.Length && text[i + 1] == c:
                return Hex(c);
        }

        if (c < ' ' || c == '\u007F')
        {
            return Hex(c);
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return null;
        }

        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))
        {
            return null;
        }

        return c is (>= '\u0080' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            || char.IsSurrogate(c)
            ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
            : null;
    }

    private static string Hex(char c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture);
}
