using System.Globalization;

namespace AdaptGate.Core.Reports;

/// <summary>
/// Short, culture-free numbers for labels (bin edges on a chart axis): four significant digits,
/// scientific notation only for very large or very small magnitudes.
/// </summary>
public static class CompactNumber
{
    private const int SignificantDigits = 4;

    public static string Format(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            // -0 reads as 0; infinities and NaN keep .NET's invariant names.
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-4)
        {
            return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        }

        var integerDigits = (int)Math.Floor(Math.Log10(magnitude)) + 1;
        var decimals = Math.Clamp(SignificantDigits - integerDigits, 0, 15);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.###############", CultureInfo.InvariantCulture);
    }
}
