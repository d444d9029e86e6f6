using System.Globalization;
using System.Text;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Tells whether a file named for one delimiter uses another: a semicolon-separated export named
/// <c>.csv</c> (Excel in many locales writes these) would otherwise load as one column whose name
/// is the whole header. Only the first lines are read, and only when the first line holds no
/// instance of the expected delimiter at all.
/// </summary>
internal static class DelimiterSniffer
{
    private const int SampleChars = 1 << 16;
    private const int SampleRecords = 20;
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The delimiter to use instead of <paramref name="expected"/>, or null to keep it.</summary>
    /// <exception cref="InputException">Another delimiter splits the first line but not the lines below it the same way.</exception>
    public static char? Detect(InputSource source, char expected)
    {
        var sample = ReadSample(source, out var complete);
        var firstLineEnd = sample.IndexOfAny('\r', '\n');
        var firstLine = firstLineEnd < 0 ? sample : sample[..firstLineEnd];
        if (firstLine.Length == 0 || firstLine.Contains(expected, StringComparison.Ordinal))
        {
            return null;
        }

        char? consistent = null;
        var consistentFields = 0;
        (char Delimiter, int Fields)? splitsFirstOnly = null;
        foreach (var candidate in Candidates)
        {
            if (candidate == expected)
            {
                continue;
            }

            var counts = FieldCounts(sample, candidate, complete);
            if (counts.Count == 0 || counts[0] < 2)
            {
                continue;
            }

            if (counts.All(c => c == counts[0]))
            {
                if (counts[0] > consistentFields)
                {
                    consistent = candidate;
                    consistentFields = counts[0];
                }
            }
            else
            {
                splitsFirstOnly ??= (candidate, counts[0]);
            }
        }

        if (consistent is null && splitsFirstOnly is { } near)
        {
            throw new InputException(
                $"The first line holds one field for the delimiter {Shown(expected)}, but {Shown(near.Delimiter)} splits it into {near.Fields} fields (the lines below do not split the same way).",
                source.Path,
                line: 1,
                hint: $"Pass the file's delimiter, such as --delimiter '{(near.Delimiter == '\t' ? "tab" : near.Delimiter.ToString())}', and check its rows for a stray delimiter.");
        }

        return consistent;
    }

    public static string Shown(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter.ToString(CultureInfo.InvariantCulture)}'";

    private static string ReadSample(InputSource source, out bool complete)
    {
        // Lenient decoding: bad bytes are the main read's to report, with their line.
        using var stream = source.OpenText();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[SampleChars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        complete = read < buffer.Length;
        return new string(buffer, 0, read);
    }

    /// <summary>Fields per record of the sample, quotes respected; an incomplete last record is left out.</summary>
    private static List<int> FieldCounts(string sample, char delimiter, bool complete)
    {
        var counts = new List<int>();
        var fields = 1;
        var quoted = false;
        var recordHasText = false;
        for (var i = 0; i < sample.Length && counts.Count < SampleRecords; i++)
        {
            var ch = sample[i];
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == delimiter)
            {
                fields++;
            }
            else if (!quoted && ch == '\n')
            {
                if (recordHasText)
                {
                    counts.Add(fields);
                }

                fields = 1;
                recordHasText = false;
                continue;
            }

            if (ch is not ('\r' or '\n'))
            {
                recordHasText = true;
            }
        }

        if (complete && recordHasText && counts.Count < SampleRecords)
        {
            counts.Add(fields);
        }

        return counts;
    }
}
