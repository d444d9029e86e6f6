namespace AdaptGate.EndToEnd.Tests;

/// <summary>
/// One local NuGet feed per test run, holding the packages as `dotnet pack` makes them, with a
/// version no earlier run used (so no NuGet cache can serve a stale copy). Every end-to-end test
/// shares it: packing is the slow part.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adaptgate-e2e", Guid.NewGuid().ToString("N"));
        Folder = System.IO.Path.Combine(Root, "feed");
        Directory.CreateDirectory(Folder);
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

        // The tool first: AdaptGate.Build publishes the same CLI into its package, and then finds it built.
        Pack(Repo.Path("src", "AdaptGate.Tool", "AdaptGate.Tool.csproj"));
        Pack(Repo.Path("src", "AdaptGate.Build", "AdaptGate.Build.csproj"));

        // Only this feed, so installs test what was packed and never reach out to nuget.org.
        ConfigFile = System.IO.Path.Combine(Root, "nuget.config");
        File.WriteAllText(ConfigFile, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="adaptgate-e2e" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        _installedTool = new Lazy<string>(InstallTool);
    }

    /// <summary>A temp folder of this run, removed at the end.</summary>
    public string Root { get; }

    public string Folder { get; }

    public string Version { get; }

    public string ConfigFile { get; }

    /// <summary>NuGet's package cache for this run only.</summary>
    public string PackagesCache => System.IO.Path.Combine(Root, "packages");

    /// <summary>The `adaptgate` command, installed once per run with `dotnet tool install --tool-path` from this feed.</summary>
    public string Adaptgate => _installedTool.Value;

    private readonly Lazy<string> _installedTool;

    private void Pack(string project)
    {
        var pack = ProcessRun.Of("dotnet", ["pack", project, "-c", "Release", "-o", Folder, $"-p:Version={Version}", "--nologo"], Repo.Root);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }
    }

    private string InstallTool()
    {
        var toolPath = System.IO.Path.Combine(Root, "tools");
        var install = ProcessRun.Of(
            "dotnet",
            ["tool", "install", "AdaptGate.Tool", "--tool-path", toolPath, "--version", Version, "--configfile", ConfigFile],
            Root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesCache });
        if (install.ExitCode != 0 || !install.Stdout.Contains("adaptgate", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("dotnet tool install failed: " + install);
        }

        return System.IO.Path.Combine(toolPath, "adaptgate");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
