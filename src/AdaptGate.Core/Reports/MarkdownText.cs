using System.Text;

namespace AdaptGate.Core.Reports;

/// <summary>
/// Makes untrusted text (column names, categories, messages that quote them) inert in a GitHub
/// pull-request comment: it renders as the same characters, breaks no table, injects no HTML,
/// pings nobody and links no issue.
/// </summary>
public static class MarkdownText
{
    /// <summary>Shown for a line break: table cells and list items are one line, and "a\nb" must not read as "a b".</summary>
    public const char LineBreak = '↵';

    /// <summary>Between '@' and a name (or '#' and a number) it stops GitHub's autolinking and is invisible.</summary>
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
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    result.Append(LineBreak);
                    break;
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

                // Markdown's own punctuation: '|' ends a table cell, the others start code, emphasis,
                // links, strikethrough and math. A backslash makes each literal, and is escaped itself.
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$' when !html:
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return result.ToString();
    }
}
