using System.Globalization;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Notices a first row that is data rather than names (UCI's adult data has no header, so its first
/// person becomes the columns '39', 'State-gov', '77516'). A name is suspect when it is a number
/// other than the column's position (pandas writes 0, 1, 2 for unnamed columns), or when the same
/// text is a value in the column below it.
/// </summary>
internal static class HeaderLikeData
{
    private const int Shown = 5;

    /// <returns>A warning naming the suspect names, or null when the header reads like names.</returns>
    public static string? Warning(string path, IReadOnlyList<DataColumn> columns)
    {
        var suspects = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var name = column.Name;
            if (TextValueParsers.TryParseNumber(name, out var number) && number != c && number != c + 1)
            {
                suspects.Add($"'{name}' is a number");
            }
            else if (column is CategoricalColumn { Kind: ColumnKind.Categorical } categorical && categorical.Categories.Contains(name, StringComparer.Ordinal))
            {
                suspects.Add($"'{name}' is also a value in its column");
            }
        }

        if (suspects.Count == 0)
        {
            return null;
        }

        var listed = string.Join(", ", suspects.Take(Shown)) + (suspects.Count > Shown ? $", and {(suspects.Count - Shown).ToString(CultureInfo.InvariantCulture)} more" : string.Empty);
        return $"The header row of {path} looks like data ({listed}). If the file has no header row, pass --no-header with --columns a,b,c (or set input.header to false and input.columnNames in the policy); otherwise the first data row is lost and the columns are misnamed.";
    }
}
