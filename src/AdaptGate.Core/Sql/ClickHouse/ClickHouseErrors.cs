using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// Turns what went wrong talking to ClickHouse into one message a person can act on: which server, what it said, and
/// for a failed query the query. A shard that did not answer is named (host:port from the server's own log of its
/// tries), because the fix is on that machine.
/// </summary>
internal static partial class ClickHouseErrors
{
    // ClickHouse's error codes (src/Common/ErrorCodes.cpp).
    private const int UnknownUser = 192;
    private const int WrongPassword = 193;
    private const int RequiredPassword = 194;
    private const int IpAddressNotAllowed = 195;
    private const int Readonly = 164;
    private const int AuthenticationFailed = 516;
    private const int NetworkError = 210;
    private const int SocketTimeout = 209;
    private const int AllConnectionTriesFailed = 279;
    private const int AllReplicasAreStale = 369;

    public static InputException FromServer(ClickHouseSource source, int code, string message, SqlCredentials credentials)
    {
        var server = source.Server;
        var said = ServerText(message);
        switch (code)
        {
            case UnknownUser or WrongPassword or RequiredPassword or AuthenticationFailed:
                return new InputException(
                    $"ClickHouse at {server} refused the login of user '{credentials.User}': {said}.",
                    source.Argument,
                    hint: $"Check the user and password ({credentials.Origin}).");
            case IpAddressNotAllowed:
                return new InputException(
                    $"ClickHouse at {server} does not let user '{credentials.User}' log in from this machine: {said}.",
                    source.Argument,
                    hint: "Ask the server's administrator to allow this address for the user (networks in users.xml).");
            case Readonly:
                return new InputException(
                    $"ClickHouse at {server} refuses user '{credentials.User}' the query settings every request of AdaptGate's client carries (the user has readonly = 1): {said}.",
                    source.Argument,
                    hint: "Give the user readonly = 2 (still read-only, but settings allowed) in its settings profile, or log in as a user who has it (docs/profiles.md, \"ClickHouse\").");
            case NetworkError or SocketTimeout or AllConnectionTriesFailed or AllReplicasAreStale:
                var shards = ShardAddress().Matches(message).Select(m => m.Groups["address"].Value).Distinct(StringComparer.Ordinal).ToArray();
                var which = shards.Length > 0 ? string.Join(", ", shards) : "a server of the cluster";
                return new InputException(
                    $"A shard of the cluster behind ClickHouse at {server} did not answer: {which} ({Reason(message)}). No profile was made: the shards that answered hold only part of the rows.",
                    source.Argument,
                    hint: $"Start or repair the server at {which}, then run again.");
            default:
                return new InputException(
                    $"ClickHouse at {server} could not run the query: {said}. The query: {source.Query}",
                    source.Argument,
                    hint: "Run the query in clickhouse-client against the same server to see where it fails, fix it and try again (docs/profiles.md, \"ClickHouse\").");
        }
    }

    public static InputException FromTransport(ClickHouseSource source, Exception e)
    {
        var server = source.Server;
        if (Socket(e) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => new InputException(
                    $"ClickHouse at {server} refused the connection: nothing listens there.",
                    source.Argument,
                    hint: "Check the host and the HTTP port (8123 by default; the native port 9000 does not speak HTTP) and that the server runs."),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => new InputException(
                    $"The host of ClickHouse at {server} is not known: {socket.Message}.",
                    source.Argument,
                    hint: "Check the host name in the source."),
                _ => new InputException($"Cannot reach ClickHouse at {server}: {socket.Message}.", source.Argument, hint: "Check the host, the port and the network between here and the server."),
            };
        }

        return new InputException($"Cannot talk to ClickHouse at {server}: {e.Message}", source.Argument, hint: "Check that the port is the server's HTTP port (8123 by default) and that secure=true is set only for HTTPS.");
    }

    public static InputException Timeout(ClickHouseSource source, TimeSpan timeout) => new(
        $"ClickHouse at {source.Server} did not answer within {timeout.TotalSeconds:0} s. The query: {source.Query}",
        source.Argument,
        hint: "Check the server's load, or profile fewer rows (a query with WHERE).");

    /// <summary>What the server said, without the wrapping of its versions ("Code: 60, e.displayText() = DB::Exception: …, e.what() = …" in 18.x, "Code: 60. DB::Exception: … (UNKNOWN_TABLE) (version …)" later).</summary>
    public static string ServerText(string message)
    {
        var text = message.Trim();
        var match = ExceptionText().Match(text);
        if (match.Success)
        {
            text = match.Groups["text"].Value;
        }

        text = WhatSuffix().Replace(text, string.Empty);
        text = ExpectedTail().Replace(text, string.Empty);
        text = VersionSuffix().Replace(text, string.Empty);
        return Whitespace().Replace(text, " ").Trim().TrimEnd('.');
    }

    private static string Reason(string message)
    {
        var reasons = ShardReason().Matches(message).Select(m => m.Groups["reason"].Value.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        return reasons.Length > 0 ? string.Join("; ", reasons) : ServerText(message);
    }

    private static SocketException? Socket(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    [GeneratedRegex(@"DB::\w*Exception: (?<text>.*)", RegexOptions.Singleline)]
    private static partial Regex ExceptionText();

    [GeneratedRegex(@",\s*e\.what\(\) = [\w:]+\s*$")]
    private static partial Regex WhatSuffix();

    // A syntax error lists every token the parser would have taken: dozens, none of them helpful.
    [GeneratedRegex(@"\.?\s*Expected one of:.*$", RegexOptions.Singleline)]
    private static partial Regex ExpectedTail();

    [GeneratedRegex(@"\s*\(version [^)]*\)\s*$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "Connection refused (127.0.0.1:29000)", "Timeout: connect timed out: 10.0.0.7:9000" and the like.
    [GeneratedRegex(@"\((?<address>[\w.\-]+:\d+|\[[0-9a-fA-F:.]+\]:\d+)\)")]
    private static partial Regex ShardAddress();

    [GeneratedRegex(@"DB::NetException: (?<reason>[^(,]+?)\s*\((?:[\w.\-]+|\[[0-9a-fA-F:.]+\]):\d+\)")]
    private static partial Regex ShardReason();
}
