using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AdaptGate.Core.Sql;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>
/// A real two-shard ClickHouse cluster for the whole test run: two clickhouse-server processes on free loopback ports,
/// each with its own folders under one temp folder, both naming the cluster 'adaptgate' (shard 1, shard 2) in
/// remote_servers, one user with a random password. Each shard holds part of each table's rows (<c>NAME_local</c>)
/// and a <c>Distributed</c> table <c>NAME</c> over them gives the whole. A second cluster, 'broken', names a port
/// nothing listens on as its second shard (<c>NAME_broken</c>): a shard that is down. Dispose stops the servers and
/// deletes the folder; a failed start does the same before it reports.
/// </summary>
public sealed class ClickHouseCluster : IAsyncLifetime, IDisposable
{
    public const string User = "adaptgate";

    private const string OwnerFile = "owner.pid";

    private static readonly string[] Executables = ["/usr/bin/clickhouse-server", "/usr/sbin/clickhouse-server"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<ClickHouseServer> _servers = [];
    private readonly Dictionary<string, ClusterTable> _tables = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "adaptgate-clickhouse-" + Guid.NewGuid().ToString("N")[..12]);

    public string Password { get; } = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>A loopback port that nothing listens on (the broken cluster's second shard).</summary>
    public int DeadPort { get; private set; }

    public IReadOnlyList<ClickHouseServer> Shards => _servers;

    /// <summary>The server the Distributed tables are queried through.</summary>
    public ClickHouseServer Entry => _servers[0];

    public SqlCredentials Credentials => new(User, Password, "the test cluster's user");

    public ClusterTable Table(string name) => _tables[name];

    /// <summary>A table's rows as the CSV file the file path profiles (written once, in the cluster's folder).</summary>
    public string CsvPath(string name) => Path.Combine(Folder, name + ".csv");

    public string Source(string relation) => $"clickhouse://127.0.0.1:{Entry.HttpPort}/default?{relation}";

    public async Task InitializeAsync()
    {
        var executable = Executables.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "clickhouse-server is not installed, and the ClickHouse tests start a real two-shard cluster. Install Debian's packages: apt-get install -y clickhouse-server clickhouse-client (.ci/run does this when they are missing).");
        RemoveAbandonedFolders();
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(Path.Combine(Folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            var ports = FreePorts.Take(7);
            _servers.Add(new ClickHouseServer(Folder, "shard1", ports[0], ports[1], ports[2]));
            _servers.Add(new ClickHouseServer(Folder, "shard2", ports[3], ports[4], ports[5]));
            DeadPort = ports[6];
            var remoteServers = Cluster("adaptgate", _servers[0].TcpPort, _servers[1].TcpPort) + Cluster("broken", _servers[0].TcpPort, DeadPort);
            foreach (var server in _servers)
            {
                server.Start(executable, remoteServers, User, Password);
            }

            await Task.WhenAll(_servers.Select(s => s.WaitUntilReadyAsync(_http, TimeSpan.FromSeconds(90))));
            await LoadAsync(ClusterTable.BenchmarkShaped("events", 24_000, seed: 15));
            await LoadAsync(ClusterTable.BenchmarkShaped("small", 3_000, seed: 16));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        _http.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>Runs one statement on one server over HTTP (the fixture's own plumbing, not the client under test).</summary>
    public async Task<string> ExecuteAsync(ClickHouseServer server, string sql, byte[]? body = null)
    {
        var uri = new Uri($"http://127.0.0.1:{server.HttpPort}/?query={Uri.EscapeDataString(sql)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body ?? []) };
        request.Headers.Add("X-ClickHouse-User", User);
        request.Headers.Add("X-ClickHouse-Key", Password);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{server.Name} failed '{sql}': {text}");
    }

    // A test host that was killed took its servers with it (their watchdogs) but could not delete its folder: the next
    // run deletes the folders whose owner is gone.
    private static void RemoveAbandonedFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "adaptgate-clickhouse-*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var pid) && !Running(pid))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        static bool Running(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    private async Task LoadAsync(ClusterTable table)
    {
        var local = table.Name + "_local";
        for (var shard = 0; shard < _servers.Count; shard++)
        {
            var server = _servers[shard];
            await ExecuteAsync(server, table.CreateSql(local, "MergeTree ORDER BY tuple()"));
            await ExecuteAsync(server, $"INSERT INTO {local} FORMAT RowBinary", table.RowBinary(shard));
            await ExecuteAsync(server, $"CREATE TABLE {table.Name} AS {local} ENGINE = Distributed(adaptgate, default, {local})");
            await ExecuteAsync(server, $"CREATE TABLE {table.Name}_broken AS {local} ENGINE = Distributed(broken, default, {local})");
        }

        table.WriteCsv(CsvPath(table.Name));
        _tables[table.Name] = table;
    }

    private string Cluster(string name, int firstTcpPort, int secondTcpPort) =>
        $"<{name}>{Shard(firstTcpPort)}{Shard(secondTcpPort)}</{name}>";

    private string Shard(int tcpPort) =>
        $"<shard><replica><host>127.0.0.1</host><port>{tcpPort}</port><user>{User}</user><password>{Password}</password></replica></shard>";
}

[CollectionDefinition(Name)]
public sealed class ClickHouseClusterCollection : ICollectionFixture<ClickHouseCluster>
{
    public const string Name = "clickhouse cluster";
}
