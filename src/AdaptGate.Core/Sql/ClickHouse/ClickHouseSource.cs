using System.Globalization;

namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// A data source inside ClickHouse, as a command line names it (docs/profiles.md, "ClickHouse"):
/// <c>clickhouse://HOST[:PORT][/DATABASE]?table=NAME</c> or <c>clickhouse://HOST[:PORT][/DATABASE]?query=SELECT …</c>.
/// The port is the HTTP interface's (8123, or 8443 with <c>secure=true</c>); the database defaults to 'default'.
/// <c>query=</c> comes last and takes the rest of the argument as written (no percent-decoding), so SQL needs no
/// escaping beyond the shell's quotes. Credentials never go in the address: a password there would be in every shell
/// history and CI log, so the address is refused (with the password masked) and the environment named instead.
/// </summary>
public sealed record ClickHouseSource
{
    public const string Scheme = "clickhouse://";

    /// <summary>ClickHouse's own default user (with an empty password).</summary>
    public const string DefaultUser = "default";

    public const int HttpPort = 8123;

    public const int HttpsPort = 8443;

    private ClickHouseSource(string argument, string host, int port, bool secure, string database, string? table, string query)
    {
        Argument = argument;
        Host = host;
        Port = port;
        Secure = secure;
        Database = database;
        Table = table;
        Query = query;
    }

    /// <summary>The source as the user wrote it (it holds no credentials: <see cref="Parse"/> refuses those).</summary>
    public string Argument { get; }

    public string Host { get; }

    public int Port { get; }

    /// <summary>HTTPS rather than HTTP.</summary>
    public bool Secure { get; }

    public string Database { get; }

    /// <summary>The table (or view) to profile, in <see cref="Database"/>; null when the source is a query.</summary>
    public string? Table { get; }

    /// <summary>The SELECT whose rows to profile: the user's, or <c>SELECT * FROM `database`.`table`</c>.</summary>
    public string Query { get; }

    /// <summary>host:port, as messages name the server.</summary>
    public string Server => (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public static bool IsClickHouse(string argument) =>
        argument is not null && argument.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static ClickHouseSource Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (!IsClickHouse(argument))
        {
            throw new ArgumentException($"A ClickHouse source starts with {Scheme}.", nameof(argument));
        }

        var rest = argument[Scheme.Length..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var address = question < 0 ? rest : rest[..question];
        var parameters = question < 0 ? string.Empty : rest[(question + 1)..];
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? address : address[..slash];
        var database = slash < 0 ? string.Empty : Uri.UnescapeDataString(address[(slash + 1)..].TrimEnd('/'));

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            throw Bad(
                argument,
                "the address holds credentials; AdaptGate never takes them from the command line, where shell histories and CI logs would keep them",
                "Put the user and password in the environment variables docs/profiles.md names, and write the address without 'user:password@'.");
        }

        var (host, port) = HostAndPort(argument, authority);
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw Bad(argument, $"'{database}' is not a database name (the path is one database)", "Write clickhouse://HOST:PORT/DATABASE?table=NAME.");
        }

        var secure = false;
        string? table = null;
        string? query = null;
        while (parameters.Length > 0)
        {
            if (parameters.StartsWith("query=", StringComparison.Ordinal))
            {
                query = parameters["query=".Length..].Trim().TrimEnd(';').TrimEnd();
                break;
            }

            var amp = parameters.IndexOf('&', StringComparison.Ordinal);
            var pair = amp < 0 ? parameters : parameters[..amp];
            parameters = amp < 0 ? string.Empty : parameters[(amp + 1)..];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "table":
                    table = value;
                    break;
                case "secure":
                    secure = value switch
                    {
                        "true" or "1" => true,
                        "false" or "0" => false,
                        _ => throw Bad(argument, $"secure takes true or false, not '{value}'", "Write secure=true for HTTPS."),
                    };
                    break;
                default:
                    throw Bad(argument, $"'{key}' is not a parameter of a ClickHouse source", "The parameters are table=NAME or query=SELECT … (last), and secure=true.");
            }
        }

        if ((table is null) == (query is null) || table?.Length == 0 || query?.Length == 0)
        {
            throw Bad(argument, "name the rows to profile with exactly one of table=NAME and query=SELECT …", "Write clickhouse://HOST:8123/DATABASE?table=NAME, or …?query=SELECT … as the last parameter.");
        }

        database = database.Length > 0 ? database : "default";
        return new ClickHouseSource(argument, host, port ?? (secure ? HttpsPort : HttpPort), secure, database, table, query ?? $"SELECT * FROM {Identifier(database)}.{Identifier(table!)}");
    }

    /// <summary>A name quoted for ClickHouse SQL: in backquotes, a backquote or backslash in it escaped.</summary>
    public static string Identifier(string name) =>
        "`" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";

    // The source as messages may show it: an address with credentials in it is shown without them.
    private static string Shown(string argument)
    {
        var rest = argument[Scheme.Length..];
        var end = rest.IndexOfAny(['/', '?']);
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        return at < 0 ? argument : Scheme + "***@" + rest[(at + 1)..];
    }

    private static InputException Bad(string argument, string why, string hint) =>
        new($"Not a ClickHouse source: {why}.", Shown(argument), hint: hint);

    private static (string Host, int? Port) HostAndPort(string argument, string authority)
    {
        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(argument, "the IPv6 address has no closing ']'", "Write clickhouse://[::1]:8123/DATABASE?table=NAME.");
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            port = after.StartsWith(':') ? after[1..] : after.Length == 0 ? null : throw Bad(argument, "only a port may follow the IPv6 address", "Write clickhouse://[::1]:8123/DATABASE?table=NAME.");
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw Bad(argument, "it names no host", "Write clickhouse://HOST:8123/DATABASE?table=NAME.");
        }

        if (port is null)
        {
            return (host, null);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? (host, number)
            : throw Bad(argument, $"'{port}' is not a port", "The port is a number from 1 to 65535: the server's HTTP port (8123 by default).");
    }
}
