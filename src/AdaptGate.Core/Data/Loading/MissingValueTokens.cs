namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// The spellings of "no value" that common exporters write (pandas, R, SQL dumps, Python
/// <c>str(None)</c>), plus any the user adds (UCI's <c>?</c>, a sentinel such as <c>-999</c>).
/// Matching is exact and case-sensitive on the trimmed text so that real categories such as
/// "none" or "na" (e.g. a country code) are not swallowed.
/// </summary>
internal sealed class MissingValueTokens
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _extra;

    private MissingValueTokens(IReadOnlyList<string> extra)
    {
        var tokens = extra.Select(t => t.Trim()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        _extra = tokens.Count == 0 ? null : tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in spellings only.</summary>
    public static MissingValueTokens BuiltIn { get; } = new([]);

    /// <summary>True when tokens beyond the built-in ones were given (they may look like numbers).</summary>
    public bool HasExtra => _extra is not null;

    public static MissingValueTokens With(IReadOnlyList<string> extra) => extra.Count == 0 ? BuiltIn : new(extra);

    public bool IsMissing(ReadOnlySpan<char> trimmed) => IsBuiltIn(trimmed) || (_extra is { } extra && extra.Contains(trimmed));

    private static bool IsBuiltIn(ReadOnlySpan<char> trimmed) => trimmed.Length switch
    {
        0 => true,
        2 => trimmed is "NA",
        3 => trimmed is "N/A" or "NaN" or "nan",
        4 => trimmed is "null" or "NULL" or "None",
        _ => false,
    };
}
