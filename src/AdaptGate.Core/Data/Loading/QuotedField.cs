namespace AdaptGate.Core.Data.Loading;

internal enum QuoteProblem
{
    None,

    /// <summary>The field opens a quote that is never closed (Sep then runs the field to the end of the file).</summary>
    Unclosed,

    /// <summary>The quote closes, then more text follows before the delimiter, e.g. <c>"a"b</c>.</summary>
    TextAfterClosingQuote,
}

/// <summary>
/// RFC 4180 unquoting. Sep is asked to find field boundaries only (it honours quotes for that)
/// and not to unescape, because its unescaping is deliberately lenient: it silently accepts an
/// unclosed quote or text after a closing quote. Doing it here lets the reader report those.
/// An instance owns the scratch buffer for values with doubled quotes, reused from row to row.
/// </summary>
internal sealed class QuotedField
{
    private char[] _scratch = new char[256];

    /// <summary>
    /// Unquotes a field that starts with a quote. <paramref name="value"/> is a slice of <paramref name="raw"/>
    /// when there are no doubled quotes, else of the scratch buffer, valid until the next call.
    /// </summary>
    public QuoteProblem Unquote(ReadOnlySpan<char> raw, out ReadOnlySpan<char> value)
    {
        value = default;
        var body = raw[1..];
        var first = body.IndexOf('"');
        if (first < 0)
        {
            return QuoteProblem.Unclosed;
        }

        var isDoubled = first + 1 < body.Length && body[first + 1] == '"';
        if (!isDoubled)
        {
            // Common case: no escaped quotes inside, so no copy.
            value = body[..first];
            return IsOnlyWhitespace(body[(first + 1)..]) ? QuoteProblem.None : QuoteProblem.TextAfterClosingQuote;
        }

        if (_scratch.Length < body.Length)
        {
            _scratch = new char[Math.Max(body.Length, _scratch.Length * 2)];
        }

        var scratch = _scratch;

        var written = 0;
        var read = 0;
        while (true)
        {
            var next = body[read..].IndexOf('"');
            if (next < 0)
            {
                return QuoteProblem.Unclosed;
            }

            body.Slice(read, next).CopyTo(scratch.AsSpan(written));
            written += next;
            read += next;
            if (read + 1 < body.Length && body[read + 1] == '"')
            {
                scratch[written++] = '"';
                read += 2;
                continue;
            }

            value = scratch.AsSpan(0, written);
            return IsOnlyWhitespace(body[(read + 1)..]) ? QuoteProblem.None : QuoteProblem.TextAfterClosingQuote;
        }
    }

    /// <summary>Line breaks in a span, counting CRLF once, as Sep counts lines.</summary>
    public static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
            else if (text[i] == '\r')
            {
                count++;
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
        }

        return count;
    }

    /// <summary>True when the text holds a line break, which an unquoted field can only get from a stray quote.</summary>
    public static bool HasLineBreak(ReadOnlySpan<char> text) => text.IndexOfAny('\n', '\r') >= 0;

    // Trailing blanks after a closing quote ("a" ,b) are a harmless export habit, not an error.
    private static bool IsOnlyWhitespace(ReadOnlySpan<char> text) => text.IsWhiteSpace();
}
