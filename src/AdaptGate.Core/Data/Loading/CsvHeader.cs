using nietras.SeparatedValues;

namespace AdaptGate.Core.Data.Loading;

/// <summary>Reads and validates the header row: every column needs a unique, non-empty name.</summary>
internal static class CsvHeader
{
    private const int Line = 1;

    public static string[] Read(SepReader.Row row, string path)
    {
        if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
        {
            throw new InputException(
                "The first line is empty, but it must be the header row.",
                path,
                Line,
                hint: "Put the header row naming each column on the first line.");
        }

        var names = new string[row.ColCount];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var unquoter = new QuotedField();
        for (var c = 0; c < names.Length; c++)
        {
            var cell = row[c].Span;
            if (cell.Length > 0 && cell[0] == '"')
            {
                var problem = unquoter.Unquote(cell, out cell);
                if (problem != QuoteProblem.None)
                {
                    throw CsvRowChecks.QuoteError(row, c, header: [], path, problem);
                }
            }

            // Names are matched against policy files; stray spaces around them are never intended.
            var name = cell.Trim().ToString();
            var position = c + 1;
            if (name.Length == 0)
            {
                throw new InputException(
                    $"Column {position} has no name in the header row.",
                    path,
                    Line,
                    position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Give every column a name in the header row (check for a trailing delimiter at the end of the line).");
            }

            if (positions.TryGetValue(name, out var earlier))
            {
                throw new InputException(
                    $"The header names this column twice, at positions {earlier} and {position}.",
                    path,
                    Line,
                    name,
                    "Rename one of them so that every column name is unique.");
            }

            positions.Add(name, position);
            names[c] = name;
        }

        return names;
    }
}
