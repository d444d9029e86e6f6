using System.Globalization;
using AdaptGate.Core.Data.Loading;
using nietras.SeparatedValues;

namespace AdaptGate.Core.Data;

/// <summary>
/// Loads a reference or current data file into columns. The format comes from the extension:
/// <c>.parquet</c> is Parquet, everything else delimited text (<c>.csv.gz</c> and <c>.tsv.gz</c>
/// decompressed on the way); a pipe without a telling name that holds Parquet's signature is read
/// as Parquet. Each input is opened once (see <see cref="InputSource"/>). Anything wrong with the file
/// surfaces as <see cref="InputException"/> naming the file (and line and column where there is one).
/// </summary>
public static class TableReader
{
    public static DataTable Read(string path, TableReadOptions? options = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("No data file path was given.", hint: "Pass the path of a .csv, .tsv or .parquet file.");
        }

        EnsureIsFile(path);
        if (path.EndsWith(".agprofile", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(
                "This is an AdaptGate profile, not a data file: 'check' and 'profile merge' read profiles, and this step needs the data's rows.",
                path,
                hint: "Pass the data file (or files) the profile was made from.");
        }

        options ??= new TableReadOptions();
        try
        {
            var source = InputSource.Open(path);
            var missing = MissingValueTokens.With(options.MissingValues);
            if (IsParquet(source.FormatName) || (source.InMemory && source.StartsWithParquetMagic()))
            {
                return ParquetTableReader.Read(source, missing, ct);
            }

            var settings = new DelimitedReadSettings(options.Delimiter is null, options.HasHeader, options.ColumnNames, missing, options.Chunking);
            return DelimitedTableReader.Read(source, ResolveSeparator(source.FormatName, options), settings, ct);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"The file cannot be decompressed as gzip: {e.Message}", path, hint: "Check that it is a complete gzip file, or remove the .gz suffix if it is plain text.", inner: e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // The file went away between the check and the read.
            throw NotFound(path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException("The file cannot be opened: permission denied.", path, hint: "Check the file's permissions.", inner: e);
        }
        catch (IOException e)
        {
            throw new InputException($"The file could not be read: {e.Message}", path, hint: "Check that the file is not locked or on a disconnected drive, then run again.", inner: e);
        }
    }

    private static void EnsureIsFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException("This is a directory, not a data file.", path, hint: "Pass the path of a .csv, .tsv or .parquet file inside it.");
        }

        if (!File.Exists(path))
        {
            throw NotFound(path, inner: null);
        }
    }

    private static InputException NotFound(string path, Exception? inner) => new(
        "The file does not exist.",
        path,
        hint: $"Check the spelling; a relative path is resolved from {Directory.GetCurrentDirectory()}.",
        inner: inner);

    private static bool IsParquet(string path) =>
        string.Equals(Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase);

    private static Sep ResolveSeparator(string path, TableReadOptions? options)
    {
        var delimiter = options?.Delimiter ?? Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".TSV" or ".TAB" => '\t',
            _ => ',',
        };

        try
        {
            return new Sep(delimiter);
        }
        catch (ArgumentException e)
        {
            var shown = char.IsControl(delimiter) ? $"U+{(int)delimiter:X4}" : delimiter.ToString(CultureInfo.InvariantCulture);
            throw new InputException(
                $"'{shown}' cannot be used as the delimiter.",
                path,
                hint: "Use a printable character such as ',', ';' or '|', or a tab.",
                inner: e);
        }
    }
}
