using System.Text;

namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// A CSV file held as its header and raw lines, so windows of it are written back byte for byte (no
/// number is reformatted between the source and the files the check reads). The benchmark's sources have no
/// quoted fields, which <see cref="Load"/> verifies.
/// </summary>
internal sealed class RealTable
{
    private RealTable(string[] header, string[][] rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public string[][] Rows { get; }

    public int Count => Rows.Length;

    public static RealTable Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = new string[lines.Length - 1][];
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Contains('"', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path}:{i + 1}: quoted fields are not expected in a benchmark source");
            }

            rows[i - 1] = lines[i].Split(',');
            if (rows[i - 1].Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{i + 1}: {rows[i - 1].Length} fields, the header has {header.Length}");
            }
        }

        return new RealTable(header, rows);
    }

    public int IndexOf(string column) =>
        Array.IndexOf(Header, column) is var at and >= 0 ? at : throw new InvalidDataException($"no column '{column}' (has {string.Join(", ", Header)})");

    /// <summary>The cells of <paramref name="columns"/> of the given rows, as a new table.</summary>
    public RealTable Select(IEnumerable<int> rows, IReadOnlyList<string> columns)
    {
        var at = columns.Select(IndexOf).ToArray();
        return new RealTable([.. columns], [.. rows.Select(r => at.Select(c => Rows[r][c]).ToArray())]);
    }

    /// <summary>The same rows with columns added at the end (the model's stored predictions).</summary>
    public RealTable With(string[] names, IReadOnlyList<string[]> cells) =>
        new([.. Header, .. names], [.. Rows.Select((row, i) => (string[])[.. row, .. cells[i]])]);

    /// <summary>The same rows with one column added at the end, computed from each row.</summary>
    public RealTable WithColumn(string name, Func<string[], string> value) =>
        new([.. Header, name], [.. Rows.Select(row => (string[])[.. row, value(row)])]);

    public string Write(string path)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Header));
        foreach (var row in Rows)
        {
            text.AppendLine(string.Join(',', row));
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
