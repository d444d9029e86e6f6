using System.Text;

namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// ClickHouse's <c>TabSeparatedWithNamesAndTypes</c> output: a line of names, a line of types, then one line per row,
/// cells separated by tabs, with <c>\t</c>, <c>\n</c>, <c>\\</c> and the other backslash escapes in cells and <c>\N</c>
/// for NULL. Every ClickHouse version since 1.1 writes it, unlike the binary formats the driver reads. Numbers are
/// written in their shortest round-trip form, so text loses nothing.
/// </summary>
public sealed record TabSeparatedResult(IReadOnlyList<string> Names, IReadOnlyList<string> Types, IReadOnlyList<string?[]> Rows)
{
    public const string Format = "TabSeparatedWithNamesAndTypes";

    public static TabSeparatedResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (count < 2)
        {
            throw new InvalidDataException("ClickHouse's answer has no line of names and types.");
        }

        var names = Cells(lines[0]).Select(c => c ?? string.Empty).ToArray();
        var types = Cells(lines[1]).Select(c => c ?? string.Empty).ToArray();
        var rows = new List<string?[]>(count - 2);
        for (var i = 2; i < count; i++)
        {
            var cells = Cells(lines[i]);
            if (cells.Length != names.Length)
            {
                throw new InvalidDataException($"ClickHouse's answer has {cells.Length} cells on row {i - 1}, not {names.Length}.");
            }

            rows.Add(cells);
        }

        return new TabSeparatedResult(names, types, rows);
    }

    private static string?[] Cells(string line)
    {
        var fields = line.Split('\t');
        var cells = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            cells[i] = fields[i] == "\\N" ? null : Unescape(fields[i]);
        }

        return cells;
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                text.Append(field[i]);
                continue;
            }

            i++;
            text.Append(field[i] switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '0' => '\0',
                var other => other,
            });
        }

        return text.ToString();
    }
}
