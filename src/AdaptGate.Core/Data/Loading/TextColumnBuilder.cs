using System.Runtime.CompilerServices;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Collects one text column cell by cell and infers its kind on the way, in a single pass.
/// The first non-missing value picks a candidate kind (numeric, then Boolean, then datetime,
/// else categorical) and later values are parsed straight into that kind's typed buffer, so a
/// numeric column never keeps its text. If a later value does not fit, the column cannot go
/// back to the text it has already dropped: it stops collecting and reports
/// <see cref="NeedsCategoricalRebuild"/>, and the reader re-reads the file for just those
/// columns with a categorical-only builder. Mixed columns are rare in practice, so the common
/// case pays for one parse only.
/// </summary>
internal sealed class TextColumnBuilder
{
    private readonly string _name;
    private readonly int _expectedRows;
    private readonly MissingValueTokens _missing;
    private State _state;
    private State _startedAs;
    private int _leadingMissing;
    private ChunkedBuffer<double>? _numbers;
    private ChunkedBuffer<int>? _codes;
    private CategoryEncoder? _encoder;
    private int _firstNonFiniteLine;
    private string? _firstNonFiniteText;

    private TextColumnBuilder(string name, State state, int expectedRows, MissingValueTokens missing)
    {
        _name = name;
        _expectedRows = expectedRows;
        _missing = missing;
        _state = state;
        _startedAs = state;
        switch (state)
        {
            case State.Categorical:
                _codes = new ChunkedBuffer<int>(expectedRows);
                _encoder = new CategoryEncoder();
                break;
            case State.Boolean:
                _codes = new ChunkedBuffer<int>(expectedRows);
                break;
            case State.Numeric or State.Datetime:
                _numbers = new ChunkedBuffer<double>(expectedRows);
                break;
            default:
                break;
        }
    }

    internal enum State
    {
        AllMissing,
        Numeric,
        Boolean,
        Datetime,
        Categorical,
        NeedsRebuild,
    }

    public string Name => _name;

    /// <summary>True when values of more than one kind were seen after typed values were already dropped.</summary>
    public bool NeedsCategoricalRebuild => _state == State.NeedsRebuild;

    /// <summary>True while the column is numeric, so the reader may parse numbers itself and call <see cref="AddFiniteNumber"/>.</summary>
    public bool ExpectsNumbers => _state == State.Numeric;

    /// <param name="name">The column's header.</param>
    /// <param name="expectedRows">The file's probable row count, so the column's buffer is allocated once at its final size; 0 when unknown.</param>
    /// <param name="missing">The spellings of a missing value.</param>
    public static TextColumnBuilder Inferring(string name, int expectedRows, MissingValueTokens missing) => new(name, State.AllMissing, expectedRows, missing);

    public static TextColumnBuilder CategoricalOnly(string name, int expectedRows, MissingValueTokens missing) => new(name, State.Categorical, expectedRows, missing);

    /// <summary>
    /// A builder for rows that follow rows a builder took as <paramref name="kind"/>: it reads them as that kind
    /// from the first value on, as one builder over all the rows would have (a chunk of a file read in parallel).
    /// </summary>
    public static TextColumnBuilder Continuing(State kind, string name, int expectedRows, MissingValueTokens missing) => new(name, kind, expectedRows, missing);

    /// <summary>The kind the first value chose (or the builder was made for), kept after a rebuild is needed; AllMissing before any value.</summary>
    internal State StartedAs => _startedAs;

    /// <summary>
    /// Joins builders that read consecutive runs of rows, in file order, into the builder one pass over all
    /// of them would have ended with. Each part is all missing, needs a rebuild, or is of one and the same
    /// kind, which the caller ensures by re-reading a part as <see cref="Continuing"/> the kind before it.
    /// Every part's buffers are released as it is copied, so the values are held about once.
    /// </summary>
    /// <param name="parts">The builders, in file order.</param>
    /// <param name="lineOffsets">For each part, the lines before its first row, added to the lines it noted.</param>
    /// <param name="totalRows">The rows of all parts.</param>
    public static TextColumnBuilder Join(IReadOnlyList<TextColumnBuilder> parts, IReadOnlyList<int> lineOffsets, int totalRows)
    {
        var first = parts[0];
        var kind = parts.FirstOrDefault(p => p._state != State.AllMissing)?._state ?? State.AllMissing;
        if (kind == State.AllMissing || parts.Any(p => p._state == State.NeedsRebuild))
        {
            return new TextColumnBuilder(first._name, kind == State.AllMissing ? State.AllMissing : State.NeedsRebuild, 0, first._missing);
        }

        var joined = new TextColumnBuilder(first._name, kind, totalRows, first._missing);
        for (var k = 0; k < parts.Count; k++)
        {
            joined.Append(parts[k], lineOffsets[k]);
        }

        return joined;
    }

    /// <param name="raw">The cell text, already unquoted; surrounding whitespace is not part of the value.</param>
    /// <param name="line">1-based line of the cell, kept only for the first non-finite number.</param>
    // Optimized from the first call: tiering left it in unoptimized tier-0 code for most of a 1M-row load (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> raw, int line)
    {
        var value = raw.Trim();

        // Categorical cells are most of what comes through here (numbers take AddFiniteNumber), so they go first.
        if (_state == State.Categorical)
        {
            _codes!.Add(_missing.IsMissing(value) ? CategoricalColumn.MissingCode : _encoder!.Encode(value));
            return;
        }

        if (_missing.IsMissing(value))
        {
            AddMissing();
            return;
        }

        switch (_state)
        {
            case State.Numeric:
                AddNumber(value, line);
                break;
            case State.Boolean:
                if (TextValueParsers.TryParseBoolean(value, out var flag))
                {
                    _codes!.Add(flag ? 1 : 0);
                }
                else
                {
                    GiveUp();
                }

                break;
            case State.Datetime:
                if (IsoDateTimeParser.TryParse(value, out var seconds))
                {
                    _numbers!.Add(seconds);
                }
                else
                {
                    GiveUp();
                }

                break;
            case State.AllMissing:
                Start(value, line);
                break;
            default:
                break;
        }
    }

    /// <summary>Adds a number the reader has already parsed; only valid while <see cref="ExpectsNumbers"/>.</summary>
    public void AddFiniteNumber(double value) => _numbers!.Add(value);

    /// <summary>Builds the column. Throws when a numeric column holds an infinity: drift tests need finite numbers.</summary>
    public DataColumn Build(string filePath, int rowCount)
    {
        switch (_state)
        {
            case State.Numeric when _firstNonFiniteText is not null:
                throw new InputException(
                    $"'{_firstNonFiniteText}' is not a finite number in an otherwise numeric column.",
                    filePath,
                    _firstNonFiniteLine,
                    _name,
                    "Replace it with a finite value or mark it missing (leave it empty or write NA).");
            case State.Numeric:
                return new NumericColumn(_name, _numbers!.ToArray(), ColumnKind.Numeric);
            case State.Datetime:
                return new NumericColumn(_name, _numbers!.ToArray(), ColumnKind.Datetime);
            case State.Boolean:
                return new CategoricalColumn(_name, _codes!.ToArray(), ["false", "true"], ColumnKind.Boolean);
            case State.Categorical:
                return new CategoricalColumn(_name, _codes!.ToArray(), _encoder!.Categories(), ColumnKind.Categorical);
            case State.AllMissing:
                // No value to infer a kind from; the caller reports it as 100% missing.
                var codes = new int[rowCount];
                Array.Fill(codes, CategoricalColumn.MissingCode);
                return new CategoricalColumn(_name, codes, [], ColumnKind.Categorical);
            default:
                throw new InvalidOperationException($"Column '{_name}' must be rebuilt as categorical before it is built.");
        }
    }

    private void Append(TextColumnBuilder part, int lineOffset)
    {
        if (part._state == State.AllMissing)
        {
            for (var i = 0; i < part._leadingMissing; i++)
            {
                AddMissing();
            }

            return;
        }

        if (part._state != _state)
        {
            throw new InvalidOperationException($"Column '{_name}': a part read as {part._state} cannot follow one read as {_state}.");
        }

        switch (_state)
        {
            case State.Numeric or State.Datetime:
                _numbers!.AddRange(part._numbers!);
                if (_firstNonFiniteText is null && part._firstNonFiniteText is { } text)
                {
                    _firstNonFiniteText = text;
                    _firstNonFiniteLine = part._firstNonFiniteLine + lineOffset;
                }

                break;
            case State.Boolean:
                _codes!.AddRange(part._codes!);
                break;
            default:
                var map = Array.ConvertAll(part._encoder!.Categories(), _encoder!.Encode);
                ChunkedBuffer<int>.AddMapped(_codes!, part._codes!, map);
                break;
        }

        part._numbers = null;
        part._codes = null;
        part._encoder = null;
    }

    private void AddMissing()
    {
        switch (_state)
        {
            case State.AllMissing:
                _leadingMissing++;
                break;
            case State.Numeric or State.Datetime:
                _numbers!.Add(double.NaN);
                break;
            case State.Boolean or State.Categorical:
                _codes!.Add(CategoricalColumn.MissingCode);
                break;
            default:
                break;
        }
    }

    private void AddNumber(ReadOnlySpan<char> value, int line)
    {
        if (TextValueParsers.TryParseNumber(value, out var number))
        {
            if (!double.IsFinite(number))
            {
                NoteNonFinite(value, line);
                number = double.NaN;
            }

            _numbers!.Add(number);
        }
        else if (TextValueParsers.IsInfinityToken(value))
        {
            NoteNonFinite(value, line);
            _numbers!.Add(double.NaN);
        }
        else
        {
            GiveUp();
        }
    }

    // Remember the first one only; it becomes an error if the column stays numeric to the end.
    private void NoteNonFinite(ReadOnlySpan<char> value, int line)
    {
        if (_firstNonFiniteText is null)
        {
            _firstNonFiniteText = value.ToString();
            _firstNonFiniteLine = line;
        }
    }

    private void Start(ReadOnlySpan<char> value, int line)
    {
        if (TextValueParsers.TryParseNumber(value, out _) || TextValueParsers.IsInfinityToken(value))
        {
            _state = _startedAs = State.Numeric;
            _numbers = new ChunkedBuffer<double>(_expectedRows);
            _numbers.AddRepeated(double.NaN, _leadingMissing);
            AddNumber(value, line);
        }
        else if (TextValueParsers.TryParseBoolean(value, out var flag))
        {
            _state = _startedAs = State.Boolean;
            _codes = new ChunkedBuffer<int>(_expectedRows);
            _codes.AddRepeated(CategoricalColumn.MissingCode, _leadingMissing);
            _codes.Add(flag ? 1 : 0);
        }
        else if (IsoDateTimeParser.TryParse(value, out var seconds))
        {
            _state = _startedAs = State.Datetime;
            _numbers = new ChunkedBuffer<double>(_expectedRows);
            _numbers.AddRepeated(double.NaN, _leadingMissing);
            _numbers.Add(seconds);
        }
        else
        {
            _state = _startedAs = State.Categorical;
            _codes = new ChunkedBuffer<int>(_expectedRows);
            _encoder = new CategoryEncoder();
            _codes.AddRepeated(CategoricalColumn.MissingCode, _leadingMissing);
            _codes.Add(_encoder.Encode(value));
        }
    }

    private void GiveUp()
    {
        _state = State.NeedsRebuild;
        _numbers = null;
        _codes = null;
        _firstNonFiniteText = null;
    }
}
