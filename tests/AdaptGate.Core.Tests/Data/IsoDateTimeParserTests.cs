using AdaptGate.Core.Data.Loading;

namespace AdaptGate.Core.Tests.Data;

public sealed class IsoDateTimeParserTests
{
    [Theory]
    [InlineData("1970-01-01", 0)]
    [InlineData("2018-01-01", 1514764800)]
    [InlineData("2018-01-01T00:00:00Z", 1514764800)]
    [InlineData("2018-01-01 00:08:43.152", 1514765323.152)]
    [InlineData("2018-01-01t00:08", 1514765280)]
    [InlineData("2018-01-01T01:00:00+01:00", 1514764800)]
    [InlineData("2018-01-01T01:00:00+0100", 1514764800)]
    [InlineData("2018-01-01T01:00:00+01", 1514764800)]
    [InlineData("2017-12-31T23:00:00.000000000-01:00", 1514764800)]
    [InlineData("2020-02-29", 1582934400)]
    public void Parses_iso_8601_to_epoch_seconds(string text, double expected)
    {
        Assert.True(IsoDateTimeParser.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds, 6);
    }

    [Theory]
    [InlineData("2018")]
    [InlineData("20180101")]
    [InlineData("2018/01/01")]
    [InlineData("01/02/2018")]
    [InlineData("2019-02-29")]
    [InlineData("2018-13-01")]
    [InlineData("2018-01-01T24:00")]
    [InlineData("2018-01-01T10")]
    [InlineData("2018-01-01T10:00:00.")]
    [InlineData("2018-01-01T10:00:00+")]
    [InlineData("2018-01-01 junk")]
    public void Rejects_other_shapes(string text)
    {
        Assert.False(IsoDateTimeParser.TryParse(text, out _));
    }
}
