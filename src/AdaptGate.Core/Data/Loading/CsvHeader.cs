using nietras.SeparatedValues;

namespace AdaptGate.Core.Data.Loading;

/// <summary>Reads and validates the header row: every column needs a unique, non-empty name.</summary>
internal static class CsvHeader
{
    private const int Line = 1;

    /// <summary>
    /// The column names for a file whose first row is <paramref name="row"/>: the header's, the
    /// user's (in place of the header's, or for a file without one), or column1, column2, ...
    /// </summary>
    public static string[] Names(SepReader.Row row, DelimitedReadSettings settings, string path)
    {
        var header = settings.HasHeader ? Read(row, path) : null;
        var fields = header?.Length ?? row.ColCount;
        if (settings.ColumnNames.Count == 0)
        {
            return header ?? [.. Enumerable.Range(1, fields).Select(i => "column" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        if (settings.ColumnNames.Count != fields)
        {
            throw new InputException(
                $"{settings.ColumnNames.Count} column names were given (--columns or input.columnNames), but the first line has {fields} fields.",
                path,
                Line,
                hint: "Name every column of the file, in order, once.");
        }

        var names = new string[fields];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < fields; c++)
        {
            var name = settings.ColumnNames[c].Trim();
            if (name.Length == 0 || !positions.TryAdd(name, c + 1))
            {
                throw new InputException(
                    name.Length == 0 ? $"The column name given for position {c + 1} is empty." : $"The column names given name '{name}' twice.",
                    path,
                    hint: "Give every column a unique, non-empty name in --columns (or input.columnNames).");
            }

            names[c] = name;
        }

        return names;
    }

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
