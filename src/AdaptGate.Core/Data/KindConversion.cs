using System.Globalization;
using AdaptGate.Core.Data.Loading;

namespace AdaptGate.Core.Data;

/// <summary>
/// Re-reads a loaded column as another kind, when the policy overrides the inferred one (a 0/1
/// column that is really a category, a code column of digits, a timestamp to compare as a number).
/// </summary>
public static class KindConversion
{
    /// <exception cref="InputException">A value cannot be read as the requested kind: names the file, the row's line and the value.</exception>
    public static DataColumn Convert(DataColumn column, ColumnKind kind, string filePath)
    {
        if (column.Kind == kind)
        {
            return column;
        }

        DataColumn converted = (column, kind) switch
        {
            (NumericColumn n, ColumnKind.Numeric) => new NumericColumn(n.Name, n.Values),
            (NumericColumn n, ColumnKind.Categorical) => NumbersToCategories(n),
            (NumericColumn n, ColumnKind.Boolean) => NumbersToBooleans(n, filePath),
            (NumericColumn n, ColumnKind.Datetime) => throw Refused(n, kind, filePath, "Numbers carry no unit of time; keep the column numeric, or store ISO 8601 dates in the file."),
            (CategoricalColumn c, ColumnKind.Numeric) => CategoriesTo(c, ColumnKind.Numeric, filePath),
            (CategoricalColumn c, ColumnKind.Datetime) => CategoriesTo(c, ColumnKind.Datetime, filePath),
            (CategoricalColumn c, ColumnKind.Boolean) => CategoriesToBooleans(c, filePath),
            (CategoricalColumn c, ColumnKind.Categorical) => new CategoricalColumn(c.Name, c.Codes, c.Categories),
            _ => throw Refused(column, kind, filePath, "Remove the kind override for this column."),
        };

        // The same rows in the same file: later messages about a cell still name its line.
        converted.Lines = column.Lines;
        return converted;
    }

    private static CategoricalColumn NumbersToCategories(NumericColumn column)
    {
        var encoder = new CategoryEncoder();
        var codes = new int[column.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            var value = column.Values[row];
            codes[row] = double.IsNaN(value) ? CategoricalColumn.MissingCode : encoder.Encode(value.ToString("R", CultureInfo.InvariantCulture));
        }

        return new CategoricalColumn(column.Name, codes, encoder.Categories());
    }

    private static CategoricalColumn NumbersToBooleans(NumericColumn column, string filePath)
    {
        var codes = new int[column.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            var value = column.Values[row];
            codes[row] = value switch
            {
                0 => 0,
                1 => 1,
                _ when double.IsNaN(value) => CategoricalColumn.MissingCode,
                _ => throw NotReadable(column, row, value.ToString("R", CultureInfo.InvariantCulture), "boolean", filePath),
            };
        }

        return new CategoricalColumn(column.Name, codes, ["false", "true"], ColumnKind.Boolean);
    }

    private static NumericColumn CategoriesTo(CategoricalColumn column, ColumnKind kind, string filePath)
    {
        // Parse each category once, then map codes: the dictionary is far smaller than the column.
        var parsed = new double[column.Categories.Length];
        var readable = new bool[column.Categories.Length];
        for (var i = 0; i < parsed.Length; i++)
        {
            var text = column.Categories[i].AsSpan().Trim();
            readable[i] = kind == ColumnKind.Numeric
                ? TextValueParsers.TryParseNumber(text, out parsed[i]) && double.IsFinite(parsed[i])
                : IsoDateTimeParser.TryParse(text, out parsed[i]);
        }

        var values = new double[column.Length];
        for (var row = 0; row < values.Length; row++)
        {
            var code = column.Codes[row];
            if (code == CategoricalColumn.MissingCode)
            {
                values[row] = double.NaN;
            }
            else if (readable[code])
            {
                values[row] = parsed[code];
            }
            else
            {
                throw NotReadable(column, row, column.Categories[code], kind == ColumnKind.Numeric ? "numeric" : "datetime", filePath);
            }
        }

        return new NumericColumn(column.Name, values, kind);
    }

    private static CategoricalColumn CategoriesToBooleans(CategoricalColumn column, string filePath)
    {
        var map = new int[column.Categories.Length];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = column.Categories[i].Trim().ToLowerInvariant() switch
            {
                "false" or "0" or "no" => 0,
                "true" or "1" or "yes" => 1,
                _ => -2,
            };
        }

        var codes = new int[column.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            var code = column.Codes[row];
            codes[row] = code == CategoricalColumn.MissingCode ? CategoricalColumn.MissingCode : map[code];
            if (codes[row] == -2)
            {
                throw NotReadable(column, row, column.Categories[code], "boolean", filePath);
            }
        }

        return new CategoricalColumn(column.Name, codes, ["false", "true"], ColumnKind.Boolean);
    }

    private static InputException NotReadable(DataColumn column, int row, string value, string kind, string filePath) =>
        new(
            $"'{value}' in data row {row + 1} cannot be read as {kind}, but the policy sets this column's kind to {kind}.",
            filePath,
            line: column.LineOf(row),
            column: column.Name,
            hint: "Fix or blank out the value, or remove the kind override from the policy.");

    private static InputException Refused(DataColumn column, ColumnKind kind, string filePath, string hint) =>
        new($"The policy sets this column's kind to {Name(kind)}, but a {Name(column.Kind)} column cannot be read as {Name(kind)}.", filePath, column: column.Name, hint: hint);

    private static string Name(ColumnKind kind) => kind.ToString().ToLowerInvariant();
}
