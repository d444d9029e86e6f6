using nietras.SeparatedValues;

namespace AdaptGate.Bench.ParseFloor;

/// <summary>
/// One parsed file, reduced to a checksum per column: every number parsed to a double and summed,
/// every text value looked up in (or added to) the column's dictionary. Nothing is kept per row, so
/// this is the least any tool that reads the values must spend: no storage, validation or statistics.
/// </summary>
internal sealed class FloorTable
{
    private FloorTable(int rows, int columns, double checksum)
    {
        Rows = rows;
        Columns = columns;
        Checksum = checksum;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Printed, so the parsing cannot be optimised away.</summary>
    public double Checksum { get; }

    public static FloorTable Parse(string path)
    {
        using var reader = Sep.Reader().FromFile(path);
        var width = reader.Header.ColNames.Count;
        var numeric = new bool[width];
        var sums = new double[width];
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
                    numeric[c] = col.TryParse<double>(out _);
                    dictionaries[c] = numeric[c] ? null : new Dictionary<string, int>(StringComparer.Ordinal);
                }

                sums[c] += numeric[c] ? col.Parse<double>() : Code(dictionaries[c]!, col.Span);
            }

            rows++;
        }

        return new FloorTable(rows, width, sums.Sum());
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
