using System.Reflection;

namespace AdaptGate.Build.Tests;

/// <summary>Files of the repository: the samples, the docs, and the CLI as AdaptGate.Tool built it.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>adaptgate.dll in AdaptGate.Tool's build output (the project file passes its path in).</summary>
    public static string Cli { get; } = typeof(RepoFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AdaptGateCli").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Sample(string name) => Path("samples", "car-loan", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AdaptGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AdaptGate.sln not found above " + AppContext.BaseDirectory);
    }
}
