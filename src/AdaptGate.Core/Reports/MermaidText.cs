namespace AdaptGate.Core.Reports;

/// <summary>
/// Text for a quoted Mermaid label (an xychart x-axis entry). Mermaid has no escape inside
/// quotes, so the characters that would end the string or the list are replaced by look-alikes.
/// </summary>
public static class MermaidText
{
    public static string Label(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '"' or '`' => '\'',
                    '[' or '{' => '(',
                    ']' or '}' => ')',
                    var c when char.IsControl(c) => ' ',
                    var c => c,
                };
            }
        });
}
