using System.Diagnostics;
using System.Globalization;
using System.Security;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>
/// One clickhouse-server process on loopback ports, with its own config, users, data, tmp and log folders under
/// <paramref name="folder"/>. It runs under a small shell that kills it as soon as its standard input closes, so
/// the server dies with the test host even when the host itself is killed (nothing is left behind).
/// </summary>
public sealed class ClickHouseServer : IDisposable
{
    // The server runs in the background of a shell that waits on its stdin: end of input (dispose, or the test host
    // gone) kills the server at once. Its throwaway data needs no clean shutdown.
    private const string Watchdog = """
        "$1" --config-file="$2" </dev/null >"$3" 2>&1 &
        server=$!
        read -r _ || true
        kill -9 "$server" 2>/dev/null
        wait "$server" 2>/dev/null
        exit 0
        """;

    public const string LenientUser = "lenient";

    /// <summary>A user with readonly = 1: no query may carry a setting.</summary>
    public const string ReadonlyUser = "strict_reader";

    /// <summary>A user with readonly = 2: read-only, settings allowed.</summary>
    public const string ReaderUser = "reader";

    private readonly string _folder;
    private Process? _process;

    public ClickHouseServer(string folder, string name, int httpPort, int tcpPort, int interserverPort)
    {
        _folder = Path.Combine(folder, name);
        Name = name;
        HttpPort = httpPort;
        TcpPort = tcpPort;
        InterserverPort = interserverPort;
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int TcpPort { get; }

    public int InterserverPort { get; }

    public string LogPath => Path.Combine(_folder, "log", "server.log");

    /// <summary>Writes the config (with <paramref name="remoteServers"/>, the clusters' XML) and starts the server.</summary>
    public void Start(string executable, string remoteServers, string user, string password)
    {
        foreach (var sub in new[] { "data", "tmp", "log", "user_files" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, sub));
        }

        var config = Path.Combine(_folder, "config.xml");
        File.WriteAllText(config, Config(remoteServers));
        File.WriteAllText(Path.Combine(_folder, "users.xml"), Users(user, password));
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var argument in new[] { "-c", Watchdog, "watchdog", executable, config, Path.Combine(_folder, "log", "stdout.txt") })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The shell that runs clickhouse-server did not start.");
    }

    /// <summary>Waits until the server answers /ping on its HTTP port; fails with its log when it exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"clickhouse-server '{Name}' exited while starting. Its log:\n{LogTail()}");
            }

            try
            {
                using var ping = await http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/ping"));
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"clickhouse-server '{Name}' did not answer on port {HttpPort} within {timeout.TotalSeconds:0} s. Its log:\n{LogTail()}");
    }

    /// <summary>Stops the server (closing the watchdog's input kills it) and waits until it is gone.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    public void Dispose() => Stop();

    private string LogTail()
    {
        var lines = new[] { LogPath, Path.Combine(_folder, "log", "error.log"), Path.Combine(_folder, "log", "stdout.txt") }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .TakeLast(30);
        return string.Join('\n', lines);
    }

    private string Config(string remoteServers)
    {
        string Folder(string sub) => SecurityElement.Escape(Path.Combine(_folder, sub) + "/");
        return string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0"?>
            <yandex>
              <logger>
                <level>warning</level>
                <log>{SecurityElement.Escape(LogPath)}</log>
                <errorlog>{SecurityElement.Escape(Path.Combine(_folder, "log", "error.log"))}</errorlog>
                <size>10M</size>
                <count>1</count>
              </logger>
              <listen_host>127.0.0.1</listen_host>
              <http_port>{HttpPort}</http_port>
              <tcp_port>{TcpPort}</tcp_port>
              <interserver_http_port>{InterserverPort}</interserver_http_port>
              <interserver_http_host>127.0.0.1</interserver_http_host>
              <path>{Folder("data")}</path>
              <tmp_path>{Folder("tmp")}</tmp_path>
              <user_files_path>{Folder("user_files")}</user_files_path>
              <users_config>{SecurityElement.Escape(Path.Combine(_folder, "users.xml"))}</users_config>
              <default_profile>default</default_profile>
              <default_database>default</default_database>
              <mark_cache_size>67108864</mark_cache_size>
              <uncompressed_cache_size>67108864</uncompressed_cache_size>
              <max_concurrent_queries>32</max_concurrent_queries>
              <mlock_executable>false</mlock_executable>
              <remote_servers>{remoteServers}</remote_servers>
            </yandex>
            """);
    }

    // One user with a password, from loopback only; two threads per query (the machine is shared). A second user,
    // 'lenient', has a settings profile that lets a Distributed table answer from the shards that are up; two more are
    // read-only, one of them (readonly = 1) not even allowed query settings.
    private static string Users(string user, string password) => $"""
        <?xml version="1.0"?>
        <yandex>
          <profiles>
            <default>
              <max_threads>2</max_threads>
              <max_memory_usage>4000000000</max_memory_usage>
              <background_pool_size>2</background_pool_size>
            </default>
            <readonly_strict>
              <readonly>1</readonly>
            </readonly_strict>
            <readonly_settings>
              <readonly>2</readonly>
            </readonly_settings>
            <lenient>
              <max_threads>2</max_threads>
              <skip_unavailable_shards>1</skip_unavailable_shards>
            </lenient>
          </profiles>
          <users>
            <{user}>
              <password>{SecurityElement.Escape(password)}</password>
              <networks><ip>127.0.0.1</ip></networks>
              <profile>default</profile>
              <quota>default</quota>
            </{user}>
            <{LenientUser}>
              <password>{SecurityElement.Escape(password)}</password>
              <networks><ip>127.0.0.1</ip></networks>
              <profile>lenient</profile>
              <quota>default</quota>
            </{LenientUser}>
            <{ReadonlyUser}>
              <password>{SecurityElement.Escape(password)}</password>
              <networks><ip>127.0.0.1</ip></networks>
              <profile>readonly_strict</profile>
              <quota>default</quota>
            </{ReadonlyUser}>
            <{ReaderUser}>
              <password>{SecurityElement.Escape(password)}</password>
              <networks><ip>127.0.0.1</ip></networks>
              <profile>readonly_settings</profile>
              <quota>default</quota>
            </{ReaderUser}>
          </users>
          <quotas><default></default></quotas>
        </yandex>
        """;
}
