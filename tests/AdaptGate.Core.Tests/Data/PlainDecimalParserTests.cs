using System.Globalization;
using AdaptGate.Core.Data.Loading;

namespace AdaptGate.Core.Tests.Data;

/// <summary>The shortcut for plain decimals must give the BCL's double bit for bit, and leave everything else alone.</summary>
public sealed class PlainDecimalParserTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("7")]
    [InlineData("+7")]
    [InlineData("51.2573")]
    [InlineData("-3.1126")]
    [InlineData("0.00171")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("123456789012345")]
    [InlineData("1.23456789012345")]
    [InlineData("0.0000000000000000000001")]
    [InlineData("0000000000000000000000042.5")]
    public void MatchesTheBclBitForBit(string text)
    {
        // Every case here must take the shortcut, so the comparison always runs.
        Assert.True(PlainDecimalParser.TryParse(text, out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.25")]
    [InlineData("123456789012345")]
    [InlineData("0.0000000000000000000001")]
    public void TakesPlainDecimals(string text) => Assert.True(PlainDecimalParser.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData(" 1.5")]
    [InlineData("1.5 ")]
    [InlineData("--1")]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("1234567890123456")] // 16 significant digits: may not be exact, the general parser decides
    [InlineData("9007199254740991")]
    [InlineData("0.000000000000000000000123456789012345")] // 36 decimals
    [InlineData("0.00000000000000000000001")] // 23 decimals: 10^23 is not an exact double
    [InlineData("１２")] // full-width digits are not ASCII digits
    public void LeavesEverythingElseToTheGeneralParser(string text) => Assert.False(PlainDecimalParser.TryParse(text, out _));

    [Fact]
    public void AgreesWithTheBclOnAMillionRandomDecimals()
    {
        var random = new Random(42);
        var mismatches = new List<string>();
        var taken = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            var text = RandomDecimal(random);
            if (!PlainDecimalParser.TryParse(text, out var value))
            {
                continue;
            }

            taken++;
            if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)))
            {
                mismatches.Add(text);
            }
        }

        Assert.Empty(mismatches);
        Assert.True(taken > 500_000, $"only {taken} of the random decimals took the shortcut");
    }

    private static string Digits(Random random, int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

    private static string RandomDecimal(Random random)
    {
        var sign = random.Next(3) switch { 0 => "-", 1 => "+", _ => string.Empty };
        var integer = random.Next(4) == 0 ? "0" : Digits(random, random.Next(1, 9));
        var fraction = Digits(random, random.Next(0, 10));
        var fractionLength = fraction.Length;
        return fractionLength == 0 && random.Next(2) == 0 ? sign + integer : $"{sign}{integer}.{fraction}";
    }
}
