using ClickHouse.Driver;
using ClickHouse.Driver.ADO;

namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// <see cref="IClickHouseClient"/> over ClickHouse.Driver, ClickHouse's official .NET client, on the HTTP interface.
/// Two of its defaults fail against the 18.x servers Debian packages: it sends the settings
/// <c>output_format_binary_write_json_as_string</c>/<c>input_format_binary_read_json_as_string</c> (ClickHouse 24.10 and
/// later; "Code: 115, Unknown setting"), which JsonReadMode/JsonWriteMode None leave out, and its typed reader reads
/// <c>RowBinaryWithNamesAndTypes</c> (ClickHouse 19 and later; "Code: 73, Unknown format"), so queries go through its raw
/// result with a text format every version writes (<see cref="TabSeparatedResult"/>). The driver still does the
/// transport: authentication, compression, the HTTP client, the server's errors.
/// </summary>
public sealed class ClickHouseDriverClient : IClickHouseClient
{
    private readonly ClickHouseClient _client;
    private readonly ClickHouseCredentials _credentials;
    private readonly TimeSpan _timeout;
    private bool? _mustForbidPartialResults;

    public ClickHouseDriverClient(ClickHouseSource source, ClickHouseCredentials credentials, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _timeout = timeout ?? TimeSpan.FromMinutes(30);
        Server = source.Server;
        _client = new ClickHouseClient(new ClickHouseClientSettings
        {
            Host = source.Host,
            Port = checked((ushort)source.Port),
            Protocol = source.Secure ? "https" : "http",
            Database = source.Database,
            Username = credentials.User,
            Password = credentials.Password,
            Timeout = _timeout,
            JsonReadMode = JsonReadMode.None,
            JsonWriteMode = JsonWriteMode.None,
        });
    }

    public string Server { get; }

    public async Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var options = await OptionsAsync(cancellationToken).ConfigureAwait(false);
        return TabSeparatedResult.Parse(await RawAsync(sql, options, cancellationToken).ConfigureAwait(false));
    }

    public void Dispose() => _client.Dispose();

    // A user's settings profile may turn skip_unavailable_shards on, and a Distributed table would then answer from the
    // shards that are up: a profile of part of the rows that looks whole. It is read once (a read-only user may read it)
    // and switched off for every query when it is on; a user that may not change it then gets the server's refusal.
    private async Task<QueryOptions?> OptionsAsync(CancellationToken cancellationToken)
    {
        _mustForbidPartialResults ??= TabSeparatedResult.Parse(await RawAsync(
                "SELECT value FROM system.settings WHERE name = 'skip_unavailable_shards'", null, cancellationToken).ConfigureAwait(false))
            .Rows.Any(r => r[0] is not ("0" or null));
        return _mustForbidPartialResults == true
            ? new QueryOptions { CustomSettings = new Dictionary<string, object> { ["skip_unavailable_shards"] = 0 } }
            : null;
    }

    private async Task<string> RawAsync(string sql, QueryOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            using var result = await _client.ExecuteRawResultAsync(sql + "\nFORMAT " + TabSeparatedResult.Format, options, cancellationToken).ConfigureAwait(false);
            return await result.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (ClickHouseServerException e)
        {
            throw ClickHouseErrors.FromServer(Server, e.ErrorCode, e.Message, sql, _credentials);
        }
        catch (HttpRequestException e)
        {
            throw ClickHouseErrors.FromTransport(Server, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ClickHouseErrors.Timeout(Server, _timeout, sql);
        }
    }
}
