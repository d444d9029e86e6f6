using AdaptGate.Core;
using AdaptGate.Core.Sql;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

public sealed class ClickHouseSourceTests
{
    [Fact]
    public void ATableSourceNamesHostPortDatabaseAndTable()
    {
        var source = ClickHouseSource.Parse("clickhouse://ch.example:9123/logs?table=predictions");

        Assert.Equal(("ch.example", 9123, false, "logs", "predictions"), (source.Host, source.Port, source.Secure, source.Database, source.Table));
        Assert.Equal("ch.example:9123", source.Server);
        Assert.Equal("SELECT * FROM `logs`.`predictions`", source.Query);
    }

    [Fact]
    public void AQueryTakesTheRestOfTheArgumentAsWrittenWithoutItsClosingSemicolon()
    {
        var source = ClickHouseSource.Parse("clickhouse://ch/logs?secure=true&query=SELECT * FROM p WHERE day >= '2026-11-01' AND note LIKE '%a&b=c%'; ");

        Assert.Equal("SELECT * FROM p WHERE day >= '2026-11-01' AND note LIKE '%a&b=c%'", source.Query);
        Assert.Equal((ClickHouseSource.HttpsPort, true, (string?)null), (source.Port, source.Secure, source.Table));
        Assert.Equal("clickhouse://ch/logs?secure=true&query=SELECT * FROM p WHERE day >= '2026-11-01' AND note LIKE '%a&b=c%'; ", source.Argument);
    }

    [Theory]
    [InlineData("clickhouse://ch?table=t", "ch", 8123, "default")]
    [InlineData("clickhouse://ch/?table=t", "ch", 8123, "default")]
    [InlineData("clickhouse://[::1]:8124/db?table=t", "::1", 8124, "db")]
    [InlineData("CLICKHOUSE://ch:1/db?secure=false&table=t", "ch", 1, "db")]
    public void DefaultsAndAddressForms(string argument, string host, int port, string database)
    {
        var source = ClickHouseSource.Parse(argument);

        Assert.Equal((host, port, database), (source.Host, source.Port, source.Database));
    }

    [Fact]
    public void NamesAreQuotedSoNoneEndsTheIdentifier()
    {
        Assert.Equal("`a\\`b\\\\c`", ClickHouseSource.Identifier("a`b\\c"));
        Assert.Equal("SELECT * FROM `my db`.`we\\`ird`", ClickHouseSource.Parse("clickhouse://h/my%20db?table=we%60ird").Query);
    }

    [Theory]
    [InlineData("clickhouse://h:8123/db", "name the rows to profile with exactly one of table=NAME and query=SELECT")]
    [InlineData("clickhouse://h:8123/db?table=t&query=SELECT 1", "name the rows to profile with exactly one of table=NAME and query=SELECT")]
    [InlineData("clickhouse://h:8123/db?table=", "name the rows to profile with exactly one of table=NAME and query=SELECT")]
    [InlineData("clickhouse://h:http/db?table=t", "'http' is not a port")]
    [InlineData("clickhouse://h:70000/db?table=t", "'70000' is not a port")]
    [InlineData("clickhouse://:8123/db?table=t", "it names no host")]
    [InlineData("clickhouse://h/a/b?table=t", "'a/b' is not a database name")]
    [InlineData("clickhouse://h/db?tabel=t", "'tabel' is not a parameter of a ClickHouse source")]
    [InlineData("clickhouse://h/db?secure=yes&table=t", "secure takes true or false, not 'yes'")]
    public void ABadSourceSaysWhatIsWrong(string argument, string why)
    {
        var e = Assert.Throws<InputException>(() => ClickHouseSource.Parse(argument));

        Assert.Contains("Not a ClickHouse source: " + why, e.Message, StringComparison.Ordinal);
        Assert.Equal(argument, e.FilePath);
    }

    [Fact]
    public void CredentialsInTheAddressAreRefusedWithoutShowingThem()
    {
        var e = Assert.Throws<InputException>(() => ClickHouseSource.Parse("clickhouse://alice:s3cret-pw@h:8123/db?table=t"));

        Assert.Equal("clickhouse://***@h:8123/db?table=t", e.FilePath);
        Assert.DoesNotContain("s3cret-pw", e.Describe(), StringComparison.Ordinal);
        Assert.Contains("environment variables", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialsNeverShowTheirPassword()
    {
        var credentials = new SqlCredentials("alice", "s3cret-pw", "ADAPTGATE_CLICKHOUSE_PASSWORD");

        Assert.DoesNotContain("s3cret-pw", credentials.ToString(), StringComparison.Ordinal);
    }
}
