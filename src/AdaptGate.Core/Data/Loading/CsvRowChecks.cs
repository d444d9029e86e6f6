using System.Globalization;
using nietras.SeparatedValues;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Diagnoses a row that does not have the header's shape. Quote problems are checked before the
/// field count because a broken quote is the usual cause of a wrong count, and "unclosed quote on
/// line 7" is something a person can fix where "expected 5 fields, found 2" is not.
/// </summary>
internal static class CsvRowChecks
{
    public static void ThrowIfMalformed(SepReader.Row row, string[] header, string path, QuotedField unquoter)
    {
        for (var c = 0; c < row.ColCount; c++)
        {
            var cell = row[c].Span;
            if (cell.Length > 0 && cell[0] == '"')
            {
                var problem = unquoter.Unquote(cell, out _);
                if (problem != QuoteProblem.None)
                {
                    throw QuoteError(row, c, header, path, problem);
                }
            }
            else if (QuotedField.HasLineBreak(cell))
            {
                // An unquoted field can only span lines if a quote inside it made Sep start a quoted section.
                var quote = cell.IndexOf('"');
                var line = FieldStartLine(row, c) + QuotedField.CountLineBreaks(cell[..Math.Max(quote, 0)]);
                throw new InputException(
                    "A quote inside an unquoted value starts a quoted section that runs on past the end of the line.",
                    path,
                    line,
                    ColumnLabel(header, c),
                    "Quote the whole value and double the quote inside it (\"\"), or remove the stray quote.");
            }
        }

        if (row.ColCount != header.Length)
        {
            throw new InputException(
                $"Expected {header.Length} fields, as in the header, but found {row.ColCount}.",
                path,
                row.LineNumberFrom,
                hint: $"Check this row for a missing or extra delimiter; quote values that contain the delimiter.");
        }
    }

    public static InputException QuoteError(SepReader.Row row, int c, string[] header, string path, QuoteProblem problem)
    {
        var line = FieldStartLine(row, c);
        return problem == QuoteProblem.Unclosed
            ? new InputException(
                "A quoted value that starts on this line is never closed.",
                path,
                line,
                ColumnLabel(header, c),
                "Add the closing quote, and double any quote that is part of the value (\"\").")
            : new InputException(
                "A quoted value has more text after its closing quote.",
                path,
                line,
                ColumnLabel(header, c),
                "Quote the whole value and double any quote that is part of it, e.g. \"6\"\" tall\".");
    }

    // Sep gives the line a row starts on; fields further right start later if earlier ones hold line breaks.
    // The header is row 0, whose line is 1 by definition.
    private static int FieldStartLine(SepReader.Row row, int c)
    {
        var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
        for (var k = 0; k < c; k++)
        {
            line += QuotedField.CountLineBreaks(row[k].Span);
        }

        return line;
    }

    private static string ColumnLabel(string[] header, int c) =>
        c < header.Length ? header[c] : (c + 1).ToString(CultureInfo.InvariantCulture);
}
