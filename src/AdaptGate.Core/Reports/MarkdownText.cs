using System.Text;

namespace AdaptGate.Core.Reports;

/// <summary>
/// Makes untrusted text (column names, categories, messages that quote them) inert in a GitHub
/// pull-request comment: it renders as the same characters, breaks no table, injects no HTML,
/// pings nobody, links no issue or URL, and starts no line (so it forges no CI command).
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// Between '@' and a name, '#' and a number, ':' and "//" or "www" and '.', it stops GitHub's autolinking and
    /// is invisible. A character reference (https&amp;#58;//) would not do: GitHub autolinks a second time after
    /// decoding references (in files, not in comments), and only a character really between them stops both.
    /// </summary>
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>For Markdown text: paragraphs, list items, table cells.</summary>
    public static string Escape(string text) => Encode(text, html: false);

    /// <summary>
    /// For text inside raw HTML (a &lt;summary&gt;), where GitHub does not parse Markdown, so a
    /// backslash would show: HTML entities only, plus the same mention and reference breaking.
    /// </summary>
    public static string EscapeHtml(string text) => Encode(text, html: true);

    private static string Encode(string text, bool html)
    {
        // Line breaks and control characters first, as every output shows them (\n, \x1b): then no data starts a line.
        text = InertText.Escape(text);
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    result.Append("&amp;");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '"' when html:
                    result.Append("&quot;");
                    break;
                case '@':
                    result.Append(c).Append(ZeroWidthJoiner);
                    break;
                case '#' when i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]):
                    result.Append(c).Append(ZeroWidthJoiner);
                    break;

                // Bare URLs: "https://x" and "www.x" would become links.
                case ':' when string.CompareOrdinal(text, i + 1, "//", 0, 2) == 0:
                    result.Append(c).Append(ZeroWidthJoiner);
                    break;
                case 'w' or 'W' when i + 3 < text.Length && string.Compare(text, i, "www.", 0, 4, StringComparison.OrdinalIgnoreCase) == 0:
                    result.Append(text, i, 3).Append(ZeroWidthJoiner);
                    i += 2;
                    break;

                // Markdown's own punctuation: '|' ends a table cell, the others start code, emphasis,
                // links, strikethrough and math. A backslash makes each literal, and is escaped itself.
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$' when !html:
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }
}
