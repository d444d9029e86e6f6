using nietras.SeparatedValues;

/// <summary>One parsed file: a double or a dictionary-code buffer per column, kept until the end like a check keeps them.</summary>
internal sealed class FloorTable
{
    private FloorTable(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    public static FloorTable Parse(string path)
    {
        using var reader = Sep.Reader().FromFile(path);
        var width = reader.Header.ColNames.Count;
        var numbers = new List<double>?[width];
        var codes = new List<int>?[width];
        var dictionaries = new Dictionary<string, int>?[width];
        var rows = 0;
        foreach (var row in reader)
        {
            for (var c = 0; c < width; c++)
            {
                var col = row[c];
                if (rows == 0)
                {
                    // The first row decides each column's kind; the bench data has no mixed columns.
                    if (col.TryParse<double>(out _))
                    {
                        numbers[c] = [];
                    }
                    else
                    {
                        codes[c] = [];
                        dictionaries[c] = new Dictionary<string, int>(StringComparer.Ordinal);
                    }
                }

                if (numbers[c] is { } values)
                {
                    values.Add(col.Parse<double>());
                }
                else
                {
                    codes[c]!.Add(Code(dictionaries[c]!, col.Span));
                }
            }

            rows++;
        }

        return new FloorTable(rows, width);
    }

    private static int Code(Dictionary<string, int> dictionary, ReadOnlySpan<char> text)
    {
        var lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var code))
        {
            code = dictionary.Count;
            lookup[text] = code;
        }

        return code;
    }
}
