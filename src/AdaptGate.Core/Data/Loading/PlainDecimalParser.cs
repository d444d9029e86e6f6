using System.Runtime.CompilerServices;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Parses the plain decimals that make up most numeric CSV cells ("51.2573", "-3", "0.00171")
/// without the general machinery: an optional sign, digits, an optional point and digits, no
/// exponent, at most 15 significant digits (leading zeros do not count). Such a number is an
/// exact integer mantissa over an exact power of ten, and one IEEE division of the two is
/// correctly rounded (Clinger's fast path, the first step of every exact parser), so the result
/// is bit-for-bit what <see cref="double.Parse(string)"/> gives. Anything else returns false and
/// goes to the general parser. Parsing numbers was most of the time spent loading a large file,
/// and this case takes a third of the time of the general one.
/// </summary>
internal static class PlainDecimalParser
{
    /// <summary>Fifteen digits always fit in 2^53, so the mantissa converts to double exactly.</summary>
    private const int MaxSignificantDigits = 15;

    /// <summary>Powers of ten that are exact doubles (10^22 is the largest).</summary>
    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        var significant = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var digit = (uint)(c - '0');
            if (digit <= 9)
            {
                digits++;
                if (seenPoint)
                {
                    fractionDigits++;
                }

                // Leading zeros ("0.00171") carry no precision and do not use up the digit budget.
                if (mantissa != 0 || digit != 0)
                {
                    significant++;
                }

                mantissa = (mantissa * 10) + digit;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                value = 0;
                return false;
            }
        }

        if (digits == 0 || significant > MaxSignificantDigits || fractionDigits >= PowersOfTen.Length)
        {
            value = 0;
            return false;
        }

        var magnitude = (double)mantissa / PowersOfTen[fractionDigits];
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
