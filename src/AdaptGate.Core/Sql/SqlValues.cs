using System.Globalization;
using System.Numerics;

namespace AdaptGate.Core.Sql;

/// <summary>Reads a result value whatever numeric type the engine gave it (a count may come back as a 128-bit integer or as text).</summary>
public static class SqlValues
{
    public static long Long(object? value) => value switch
    {
        null => 0,
        long l => l,
        int i => i,
        ulong u => checked((long)u),
        BigInteger b => (long)b,
        Int128 h => (long)h,
        UInt128 h => (long)h,
        double d => checked((long)d),
        decimal m => (long)m,
        string s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
        IConvertible c => c.ToInt64(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"A SQL count came back as {value.GetType().Name}."),
    };

    /// <summary>A 64-bit float, or NaN for NULL (an aggregate over no values).</summary>
    public static double Double(object? value) => value switch
    {
        null => double.NaN,
        double d => d,
        float f => f,
        string s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        BigInteger b => (double)b,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"A SQL number came back as {value.GetType().Name}."),
    };

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
