namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Parses the ISO 8601 shapes data exports actually use, to seconds since the Unix epoch (UTC):
/// <c>2018-01-01</c>, <c>2018-01-01 00:08:43</c>, <c>2018-01-01T00:08:43.152</c>, each optionally
/// followed by <c>Z</c> or an offset (<c>+02:00</c>, <c>+0200</c>, <c>+02</c>).
/// Hand-written rather than <see cref="DateTime.TryParse(string, out DateTime)"/> because that accepts
/// culture-dependent forms ("1/2/2018", "Jan 2018") which would make inference guess, and it allocates less.
/// A value without an offset is taken as UTC: the file gives no zone, and treating both files the
/// same way is what matters for comparing their distributions.
/// </summary>
internal static class IsoDateTimeParser
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    public static bool TryParse(ReadOnlySpan<char> s, out double secondsSinceEpoch)
    {
        secondsSinceEpoch = 0;
        if (s.Length < 10
            || !TryDigits(s[..4], out var year) || s[4] != '-'
            || !TryDigits(s.Slice(5, 2), out var month) || s[7] != '-'
            || !TryDigits(s.Slice(8, 2), out var day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var hour = 0;
        var minute = 0;
        var second = 0;
        long fractionTicks = 0;
        long offsetTicks = 0;
        var rest = s[10..];
        if (!rest.IsEmpty)
        {
            if (rest[0] is not ('T' or 't' or ' ')
                || rest.Length < 6
                || !TryDigits(rest.Slice(1, 2), out hour) || rest[3] != ':'
                || !TryDigits(rest.Slice(4, 2), out minute)
                || hour > 23 || minute > 59)
            {
                return false;
            }

            rest = rest[6..];
            if (!rest.IsEmpty && rest[0] == ':')
            {
                if (rest.Length < 3 || !TryDigits(rest.Slice(1, 2), out second) || second > 59)
                {
                    return false;
                }

                rest = rest[3..];
                if (!rest.IsEmpty && rest[0] is '.' or ',')
                {
                    if (!TryFraction(ref rest, out fractionTicks))
                    {
                        return false;
                    }
                }
            }

            if (!TryOffset(rest, out offsetTicks))
            {
                return false;
            }
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks - offsetTicks;
        secondsSinceEpoch = (ticks - DateTime.UnixEpoch.Ticks) / (double)TicksPerSecond;
        return true;
    }

    // Reads ".ddd…" and leaves the rest; digits beyond the 100 ns tick resolution are accepted and dropped.
    private static bool TryFraction(ref ReadOnlySpan<char> rest, out long ticks)
    {
        ticks = 0;
        var i = 1;
        long scale = TicksPerSecond / 10;
        while (i < rest.Length && char.IsAsciiDigit(rest[i]))
        {
            ticks += (rest[i] - '0') * scale;
            scale /= 10;
            i++;
        }

        if (i == 1)
        {
            return false;
        }

        rest = rest[i..];
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> rest, out long ticks)
    {
        ticks = 0;
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest is "Z" or "z")
        {
            return true;
        }

        if (rest[0] is not ('+' or '-') || rest.Length < 3 || !TryDigits(rest.Slice(1, 2), out var hours))
        {
            return false;
        }

        var minutes = 0;
        var tail = rest[3..];
        if (tail.Length == 3 && tail[0] == ':')
        {
            tail = tail[1..];
        }

        if (tail.Length == 2)
        {
            if (!TryDigits(tail, out minutes))
            {
                return false;
            }
        }
        else if (!tail.IsEmpty)
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        ticks = ((hours * 60) + minutes) * TimeSpan.TicksPerMinute;
        if (rest[0] == '-')
        {
            ticks = -ticks;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
