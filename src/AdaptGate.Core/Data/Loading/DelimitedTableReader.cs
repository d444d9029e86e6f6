using System.Text;
using nietras.SeparatedValues;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Reads CSV/TSV into columns in one pass through Sep, validating as it goes: header names,
/// field counts, quotes and UTF-8. Columns whose values turn out to be of mixed kinds are
/// re-read in a second pass (see <see cref="TextColumnBuilder"/>).
/// </summary>
internal sealed partial class DelimitedTableReader
{
    private const int CancellationCheckInterval = 4096;

    // Strict: invalid bytes throw instead of becoming U+FFFD and quietly creating new categories.
    // The preamble makes StreamReader skip a UTF-8 BOM when there is one.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    // For a chunk that starts inside the file: bytes that look like a BOM there are data, as they are to a single pass.
    private static readonly UTF8Encoding StrictUtf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly InputSource _source;
    private readonly string _path;
    private readonly DelimitedReadSettings _settings;
    private readonly List<(int Row, long Line)> _lineShifts = [];
    private readonly List<string> _warnings = [];
    private Sep _sep;
    private int _expectedRows;

    private DelimitedTableReader(InputSource source, Sep sep, DelimitedReadSettings settings)
    {
        _source = source;
        _path = source.Path;
        _sep = sep;
        _settings = settings;
    }

    public static DataTable Read(InputSource source, Sep sep, DelimitedReadSettings settings, CancellationToken ct)
    {
        var reader = new DelimitedTableReader(source, sep, settings);
        return reader.Read(ct);
    }

    private DataTable Read(CancellationToken ct)
    {
        if (!_source.Compressed && _source.StartsWithGzipMagic())
        {
            throw new InputException(
                "This is gzip-compressed data, not text.",
                _path,
                hint: "Name it with a .gz suffix (such as .csv.gz or .tsv.gz) to read it as it is, or decompress it first (gunzip).");
        }

        if (_settings.SniffDelimiter && DelimiterSniffer.Detect(_source, _sep.Separator) is { } found)
        {
            _warnings.Add(
                $"{_path}: the first line holds no {DelimiterSniffer.Shown(_sep.Separator)}, but {DelimiterSniffer.Shown(found)} splits each of the first lines into the same number of fields, so the file was read with that delimiter (--delimiter chooses one).");
            _sep = new Sep(found);
        }

        // A file large enough to be worth it is parsed in chunks on every core; anything the chunks cannot
        // settle alone (a bad row, an empty file) is read again in one pass, which gives the same error as always.
        var chunking = _settings.Chunking ?? DelimitedChunking.ForThisMachine();
        var inChunks = chunking.Applies(_source) ? TryReadInChunks(chunking, ct) : null;
        if (inChunks is null && chunking.Applies(_source) && chunking.Log is { } log)
        {
            log.FellBack++;
        }

        var (builders, rowCount, sha256) = inChunks ?? ReadInOnePass(ct);
        var lines = _lineShifts.Count == 0 ? null : new RowLines(_lineShifts);
        var columns = new DataColumn[builders.Length];
        for (var c = 0; c < builders.Length; c++)
        {
            columns[c] = builders[c]!.Build(_path, rowCount);
            columns[c].Lines = lines;
            builders[c] = null; // let its buffers go before the next column is copied out
        }

        if (_settings.HasHeader && _settings.ColumnNames.Count == 0 && HeaderLikeData.Warning(_path, columns) is { } headerWarning)
        {
            _warnings.Add(headerWarning);
        }

        return new DataTable(_path, columns, rowCount) { Warnings = _warnings, ContentSha256 = _source.Sha256() ?? sha256 };
    }

    private (TextColumnBuilder?[] Builders, int Rows, string? Sha256) ReadInOnePass(CancellationToken ct)
    {
        _lineShifts.Clear();
        _expectedRows = RowCountBound.Read(_source, _settings.HasHeader ? 1 : 0);
        var builders = Array.Empty<TextColumnBuilder?>();
        var rowCount = Scan(ref builders, createBuilders: true, out var sha256, ct);
        RebuildMixedColumns(builders, rowCount, ct);
        return (builders, rowCount, sha256);
    }

    private void RebuildMixedColumns(TextColumnBuilder?[] builders, int rowCount, CancellationToken ct)
    {
        var rebuilt = new TextColumnBuilder?[builders.Length];
        var any = false;
        for (var c = 0; c < builders.Length; c++)
        {
            if (builders[c]!.NeedsCategoricalRebuild)
            {
                rebuilt[c] = TextColumnBuilder.CategoricalOnly(builders[c]!.Name, rowCount, _settings.MissingValues);
                any = true;
            }
        }

        if (!any)
        {
            return;
        }

        if (Scan(ref rebuilt, createBuilders: false, out _, ct) != rowCount)
        {
            throw FileChanged();
        }

        for (var c = 0; c < builders.Length; c++)
        {
            if (rebuilt[c] is { } categorical)
            {
                builders[c] = categorical;
            }
        }
    }

    private InputException FileChanged() => new(
        "The file changed while it was being read.",
        _path,
        hint: "Wait until whatever writes the file has finished, then run again.");

    private SepReader OpenSep(TextReader text) => Sep.Reader(o => o with
    {
        Sep = _sep,
        HasHeader = false, // the header is validated here, with messages Sep does not give
        DisableColCountCheck = true, // ragged rows are reported here, with the line and counts
        Unescape = false, // see QuotedField
    }).From(text);

    /// <summary>
    /// Reads the whole file, feeding cell c to builders[c] when there is one; returns the data row count.
    /// The first pass hashes the file's bytes as it reads them (<paramref name="sha256"/>; null on a re-read
    /// and for bytes held in memory).
    /// </summary>
    private int Scan(ref TextColumnBuilder?[] builders, bool createBuilders, out string? sha256, CancellationToken ct)
    {
        sha256 = null;
        try
        {
            HashingReadStream? hashing = null;
            using var stream = createBuilders ? _source.OpenTextHashing(out hashing) : _source.OpenText();
            using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var reader = OpenSep(text);

            if (!reader.MoveNext())
            {
                throw _settings.HasHeader
                    ? new InputException(
                        "The file is empty: there is no header row.",
                        _path,
                        hint: "Add a header row naming each column, followed by the data rows.")
                    : new InputException("The file is empty: there are no data rows.", _path, hint: "Point to the file that holds the data.");
            }

            var header = CsvHeader.Names(reader.Current, _settings, _path);
            if (createBuilders)
            {
                builders = new TextColumnBuilder?[header.Length];
                for (var c = 0; c < header.Length; c++)
                {
                    builders[c] = TextColumnBuilder.Inferring(header[c], _expectedRows, _settings.MissingValues);
                }
            }

            var run = ReadRows(reader, header, builders, createBuilders ? _lineShifts : null, firstRowIsData: !_settings.HasHeader, midFile: false, ct);
            if (run.Rows == 0)
            {
                throw new InputException(
                    "The file has a header row but no data rows.",
                    _path,
                    hint: "Add the data rows below the header, or point to the right file.");
            }

            sha256 = hashing?.FinishSha256();
            return run.Rows;
        }
        catch (DecoderFallbackException e)
        {
            throw InvalidUtf8(e);
        }
    }

    /// <summary>What reading a run of rows found: its data rows, Sep's line after its last row, and the last data row's line.</summary>
    private readonly record struct RowRun(int Rows, int LineAfter, int LastRowLine);

    // shifts: where to note rows that do not follow line after line (the first pass only: a re-read finds the same); null notes none.
    // firstRowIsData: the row the reader is on is the first data row (a file without a header row).
    // midFile: the reader starts at a row boundary inside the file (a chunk after the first), so its lines count from
    // there, its first row is data and its first row's shift is always noted (the chunks' merge drops it when not one).
    private RowRun ReadRows(SepReader reader, string[] header, TextColumnBuilder?[] builders, List<(int Row, long Line)>? shifts, bool firstRowIsData, bool midFile, CancellationToken ct)
    {
        var width = header.Length;
        var unquoter = new QuotedField();
        var rows = 0;
        var missingTokens = _settings.MissingValues;

        // Where RowLines puts the next row unless told otherwise: line 2, then the line after the last row's first.
        // A file without a header starts on line 1, which records one shift and numbers the rest from it.
        var expectedLine = midFile ? -1 : 2;
        var lineAfter = midFile ? 1 : reader.Current.LineNumberToExcl;
        var lastRowLine = 0;

        var pending = firstRowIsData;
        while (pending || reader.MoveNext())
        {
            pending = false;
            var row = reader.Current;
            lineAfter = row.LineNumberToExcl;
            if (rows % CancellationCheckInterval == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            // Sep numbers its first row's start as its end; a run's first row starts on the run's line 1.
            var spansLines = row.RowIndex == 0 && midFile ? row.LineNumberToExcl - 1 > 1 : row.LineNumberToExcl - row.LineNumberFrom > 1;

            // Irregular rows (wrong width or spanning lines) are rare; only they pay for the full checks.
            if (row.ColCount != width || spansLines)
            {
                if (IsBlankLine(row, width))
                {
                    continue;
                }

                CsvRowChecks.ThrowIfMalformed(row, header, _path, unquoter);
            }

            // Only a file without a header (or a later chunk) has a data row 0; like the header in CsvRowChecks, it is line 1.
            var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            if (line != expectedLine && shifts is not null)
            {
                shifts.Add((rows, line));
            }

            lastRowLine = line;
            expectedLine = line + 1;
            for (var c = 0; c < width; c++)
            {
                var builder = builders[c];
                if (builder is null)
                {
                    continue;
                }

                var col = row[c];
                var cell = col.Span;
                // A missing-value token of the user's may look like a number (-999): it must not take the fast path.
                if (builder.ExpectsNumbers && (!missingTokens.HasExtra || !missingTokens.IsMissing(cell.Trim())) && TryParseFiniteFast(col, out var number))
                {
                    builder.AddFiniteNumber(number);
                    continue;
                }

                if (cell.Length > 0 && cell[0] == '"')
                {
                    var problem = unquoter.Unquote(cell, out cell);
                    if (problem != QuoteProblem.None)
                    {
                        throw CsvRowChecks.QuoteError(row, c, header, _path, problem);
                    }
                }

                builder.Add(cell, line);
            }

            rows++;
        }

        return new RowRun(rows, lineAfter, lastRowLine);
    }

    /// <summary>
    /// Plain decimals take <see cref="PlainDecimalParser"/>'s shortcut. Otherwise,
    /// Sep's csFastFloat parse is several times faster than <see cref="double.TryParse(string, out double)"/>,
    /// which dominates loading numeric columns. It falls back to the BCL with thousands separators
    /// allowed, so "1,5" (a decimal comma in a ';' file) would become 15: cells with a comma take the
    /// strict path instead. Anything else it accepts and the strict path would not ("inf", "nan") is not
    /// finite and also goes the strict way, so both paths agree on every value that reaches the column.
    /// </summary>
    private static bool TryParseFiniteFast(SepReader.Col col, out double number)
    {
        if (PlainDecimalParser.TryParse(col.Span, out number))
        {
            return true;
        }

        if (col.Span.Contains(','))
        {
            number = 0;
            return false;
        }

        return col.TryParse(out number) && double.IsFinite(number);
    }

    // A blank line cannot be a row of a multi-column file, so it is skipped like most tools do.
    // In a one-column file it is a legitimate empty field, i.e. a missing value, and is kept.
    private static bool IsBlankLine(SepReader.Row row, int width) =>
        width > 1 && row.ColCount == 1 && row[0].Span.IsWhiteSpace();

    private InputException InvalidUtf8(DecoderFallbackException e)
    {
        var where = InvalidUtf8Locator.Find(_source);
        var offset = where is { } w ? $" at byte offset {w.ByteOffset}" : string.Empty;
        return new InputException(
            $"The file is not valid UTF-8: bytes{offset} cannot be decoded.",
            _path,
            where?.Line,
            hint: "Save or export the file as UTF-8 (for example 'UTF-8' or 'CSV UTF-8' in the export dialog).",
            inner: e);
    }
}
