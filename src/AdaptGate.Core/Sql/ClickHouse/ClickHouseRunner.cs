using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;

namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// <see cref="ISqlRunner"/> for a ClickHouse server (or the entry server of a cluster) over ClickHouse.Driver,
/// ClickHouse's official .NET client, on the HTTP interface. Two of the driver's defaults fail against the 18.x servers
/// Debian packages: it sends the settings <c>output_format_binary_write_json_as_string</c> and
/// <c>input_format_binary_read_json_as_string</c> (ClickHouse 24.10 and later: "Code: 115, Unknown setting"), which
/// JsonReadMode and JsonWriteMode None leave out, and its typed reader reads <c>RowBinaryWithNamesAndTypes</c>
/// (ClickHouse 19 and later: "Code: 73, Unknown format"), so queries go through its raw result in a text format every
/// version writes (<see cref="TabSeparatedResult"/>), typed here from the column types the server sends along. The
/// driver still does the transport: authentication, compression, the HTTP client and the server's errors.
/// </summary>
public sealed class ClickHouseRunner : ISqlRunner
{
    private readonly ClickHouseClient _client;
    private readonly ClickHouseSource _source;
    private readonly SqlCredentials _credentials;
    private readonly TimeSpan _timeout;
    private bool? _mustForbidPartialResults;

    public ClickHouseRunner(ClickHouseSource source, SqlCredentials credentials, TimeSpan? timeout = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _timeout = timeout ?? TimeSpan.FromMinutes(30);
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

    public IReadOnlyList<object?[]> Query(string sql, CancellationToken cancellationToken = default) =>
        QueryAsync(sql, cancellationToken).GetAwaiter().GetResult();

    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        var result = await QueryTextAsync(sql, cancellationToken).ConfigureAwait(false);
        var read = result.Types.Select(ClickHouseValues.Reader).ToArray();
        return [.. result.Rows.Select(row => row.Select((cell, i) => read[i](cell)).ToArray())];
    }

    /// <summary>The result as ClickHouse wrote it: names, types and text cells.</summary>
    public async Task<TabSeparatedResult> QueryTextAsync(string sql, CancellationToken cancellationToken = default)
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
            throw ClickHouseErrors.FromServer(_source, e.ErrorCode, e.Message, _credentials);
        }
        catch (HttpRequestException e)
        {
            throw ClickHouseErrors.FromTransport(_source, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ClickHouseErrors.Timeout(_source, _timeout);
        }
    }
}

/// <summary>Typed values from ClickHouse's text cells, by the column's type: integers as long (or ulong), floats as double, the rest as text.</summary>
internal static class ClickHouseValues
{
    public static Func<string?, object?> Reader(string type)
    {
        var bare = Unwrapped(type);
        if (bare.StartsWith("Float", StringComparison.Ordinal))
        {
            return cell => cell switch
            {
                null => null,
                "inf" or "+inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                "nan" or "-nan" => double.NaN,
                _ => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }

        if (bare.StartsWith("Int", StringComparison.Ordinal) && !bare.StartsWith("Interval", StringComparison.Ordinal))
        {
            return cell => cell is null ? null : long.Parse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (bare.StartsWith("UInt", StringComparison.Ordinal))
        {
            return cell =>
            {
                if (cell is null)
                {
                    return null;
                }

                var u = ulong.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture);
                return u <= long.MaxValue ? (long)u : u;
            };
        }

        return bare == "Nothing" ? _ => null : cell => cell;
    }

    /// <summary>The type inside Nullable(…) and LowCardinality(…).</summary>
    public static string Unwrapped(string type)
    {
        var bare = type.Trim();
        foreach (var wrapper in new[] { "LowCardinality(", "Nullable(", "LowCardinality(" })
        {
            if (bare.StartsWith(wrapper, StringComparison.Ordinal) && bare.EndsWith(')'))
            {
                bare = bare[wrapper.Length..^1].Trim();
            }
        }

        return bare;
    }
}
