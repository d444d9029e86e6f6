namespace AdaptGate.Core;

/// <summary>
/// Bad input that a person can fix: names the file and, where known, the line and column,
/// says what is wrong and what to do. The doors turn it into exit code 2 and one message.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message, string? filePath = null, long? line = null, string? column = null, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Hint = hint;
    }

    /// <summary>The file at fault, as the user named it.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line number in the file (the header is line 1).</summary>
    public long? Line { get; }

    /// <summary>The column name (or 1-based number when there is no name) at fault.</summary>
    public string? Column { get; }

    /// <summary>What the user can do about it.</summary>
    public string? Hint { get; }

    /// <summary>One line: "file:line: column 'x': what is wrong. what to do", with over-long names shortened (<see cref="MessageText"/>).</summary>
    public string Describe()
    {
        var where = FilePath is null ? string.Empty : MessageText.Name(FilePath);
        if (Line is { } line)
        {
            where += (where.Length > 0 ? ":" : "line ") + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var text = where.Length > 0 ? where + ": " : string.Empty;
        if (Column is not null)
        {
            text += "column '" + MessageText.Name(Column) + "': ";
        }

        text += MessageText.ShortenNames(Message);
        if (Hint is not null)
        {
            // Many messages are a clause without a full stop; the hint is a sentence of its own.
            text += (EndsSentence(text) ? " " : ". ") + MessageText.ShortenNames(Hint);
        }

        return text;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?';
}
