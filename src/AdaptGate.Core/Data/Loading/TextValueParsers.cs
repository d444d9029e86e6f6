using System.Globalization;

namespace AdaptGate.Core.Data.Loading;

/// <summary>Strict, allocation-free parsers for the kinds a text column can be inferred as.</summary>
internal static class TextValueParsers
{
    // No thousands separators: "1,5" must not become 15, and the invariant culture keeps '.' as the decimal point.
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses a number. May return an infinity for "Infinity" or an overflowing literal; the caller decides.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> trimmed, out double value) =>
        double.TryParse(trimmed, NumberStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Spellings of infinity that exporters write. <see cref="double.TryParse(ReadOnlySpan{char}, out double)"/> accepts
    /// only some of them ("Infinity") and would let "inf" turn a numeric column into a categorical one, hiding the problem.
    /// </summary>
    public static bool IsInfinityToken(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length > 0 && (trimmed[0] == '+' || trimmed[0] == '-'))
        {
            trimmed = trimmed[1..];
        }

        return trimmed.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || trimmed is "∞";
    }

    /// <summary>
    /// Only the words true/false count as Boolean. Yes/no, y/n and 0/1 are left alone on purpose:
    /// 0/1 columns are ordinary numeric features (and a drift test on them as numbers is meaningful),
    /// and yes/no often sits next to "maybe" in survey data, where it is really a category.
    /// </summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> trimmed, out bool value)
    {
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }
}
