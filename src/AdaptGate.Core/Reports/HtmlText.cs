using System.Text;

namespace AdaptGate.Core.Reports;

/// <summary>
/// Makes untrusted text (column names, categories, messages that quote them, paths) inert in the HTML report, as
/// element text and as a double- or single-quoted attribute value: first made one visible line by
/// <see cref="InertText"/> (control and bidirectional characters shown as \x1b, \u202e), then the five characters
/// HTML gives a meaning written as character references, so no data value can open a tag, end an attribute or
/// start an entity.
/// </summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        var inert = InertText.Escape(text);
        StringBuilder? result = null;
        for (var i = 0; i < inert.Length; i++)
        {
            var reference = inert[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (reference is null)
            {
                result?.Append(inert[i]);
                continue;
            }

            if (result is null)
            {
                result = new StringBuilder(inert.Length + 16);
                result.Append(inert, 0, i);
            }

            result.Append(reference);
        }

        return result?.ToString() ?? inert;
    }
}
