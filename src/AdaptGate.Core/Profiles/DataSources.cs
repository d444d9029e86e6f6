namespace AdaptGate.Core.Profiles;

/// <summary>
/// What a data argument names: one file, a folder (its .csv, .tsv and .parquet files) or a pattern with * and ? in its
/// file name (<c>lake/part-*.csv</c>). The files come back in ordinal order, so a profile of them is the same on every run.
/// </summary>
public static class DataSources
{
    private static readonly string[] DataExtensions = [".csv", ".tsv", ".parquet"];

    public static IReadOnlyList<string> Expand(string argument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(argument);
        if (Directory.Exists(argument))
        {
            var files = Directory.EnumerateFiles(argument)
                .Where(f => DataExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray();
            return files.Length > 0
                ? files
                : throw new InputException("The folder holds no .csv, .tsv or .parquet file.", argument, hint: "Name a folder of data files, or the files themselves.");
        }

        var name = Path.GetFileName(argument);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            return File.Exists(argument)
                ? [argument]
                : throw new InputException("The data file does not exist.", argument, hint: "Check the path; a folder or a pattern such as 'data/part-*.csv' names several files.");
        }

        var folder = Path.GetDirectoryName(argument) is { Length: > 0 } d ? d : ".";
        if (folder.IndexOfAny(['*', '?']) >= 0 || !Directory.Exists(folder))
        {
            throw new InputException("The pattern's folder does not exist (only the file name may hold * and ?).", argument, hint: "Write the folder out, as in 'data/part-*.csv'.");
        }

        var matches = Directory.EnumerateFiles(folder, name, new EnumerationOptions { MatchCasing = MatchCasing.PlatformDefault, RecurseSubdirectories = false })
            .Select(f => folder == "." && !argument.StartsWith("./", StringComparison.Ordinal) ? Path.GetFileName(f) : f)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return matches.Length > 0
            ? matches
            : throw new InputException("The pattern matches no file.", argument, hint: "Check the folder and the pattern; quote the pattern so the shell leaves it to AdaptGate.");
    }
}
