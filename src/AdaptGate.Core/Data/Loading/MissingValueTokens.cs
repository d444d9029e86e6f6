namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// The spellings of "no value" that common exporters write (pandas, R, SQL dumps, Python
/// <c>str(None)</c>). Matching is exact and case-sensitive on the trimmed text so that real
/// categories such as "none" or "na" (e.g. a country code) are not swallowed.
/// </summary>
internal static class MissingValueTokens
{
    public static bool IsMissing(ReadOnlySpan<char> trimmed) => trimmed.Length switch
    {
        0 => true,
        2 => trimmed is "NA",
        3 => trimmed is "N/A" or "NaN" or "nan",
        4 => trimmed is "null" or "NULL" or "None",
        _ => false,
    };
}
