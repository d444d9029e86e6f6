namespace AdaptGate.Core.Reports;

/// <summary>
/// Text for a quoted Mermaid label (an xychart x-axis entry). Mermaid has no escape inside
/// quotes, so the characters that would end the string or the list are replaced by look-alikes; so are the three
/// its sanitizer writes as character references that then show literally ("&lt; 5").
/// </summary>
public static class MermaidText
{
    /// <remarks>A URL is broken as in <see cref="MarkdownText"/>: the chart's table below has the same label, and one rule is simpler to check.</remarks>
    public static string Label(string text) =>
        Replace(InertText.Escape(text))
            .Replace("://", ":\u200D//", StringComparison.Ordinal)
            .Replace("www.", "www\u200D.", StringComparison.Ordinal)
            .Replace("WWW.", "WWW\u200D.", StringComparison.Ordinal);

    private static string Replace(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '"' or '`' => '\'',
                    '[' or '{' => '(',
                    ']' or '}' => ')',
                    '<' => '‹',
                    '>' => '›',
                    '&' => '＆',
                    var c => c,
                };
            }
        });
}
