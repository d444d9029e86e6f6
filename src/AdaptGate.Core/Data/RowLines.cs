namespace AdaptGate.Core.Data;

/// <summary>
/// The 1-based line of the file each data row starts on. Usually row r is on line r + 2 (the header is
/// line 1); a quoted value spanning lines or a skipped blank line shifts every row after it. Only those
/// shifts are kept (row, line), so a million-row file with none costs nothing, and a message about a
/// cell names the line an editor shows.
/// </summary>
public sealed class RowLines
{
    private readonly int[] _rows;
    private readonly long[] _lines;

    /// <param name="shifts">Rows whose line is not the previous row's next line, with their line, in row order.</param>
    public RowLines(IReadOnlyList<(int Row, long Line)> shifts)
    {
        _rows = [.. shifts.Select(s => s.Row)];
        _lines = [.. shifts.Select(s => s.Line)];
    }

    /// <summary>The line data row <paramref name="row"/> (0-based) starts on.</summary>
    public long LineOf(int row)
    {
        var at = Array.BinarySearch(_rows, row);
        if (at < 0)
        {
            at = ~at - 1;
        }

        return at < 0 ? row + 2L : _lines[at] + (row - _rows[at]);
    }
}
