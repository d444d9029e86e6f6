using System.Reflection;
using AdaptGate.Tests.Shared;

namespace AdaptGate.Build.Tests;

/// <summary>Files of the repository: the samples, the docs, and the CLI as AdaptGate.Tool built it.</summary>
internal static class RepoFiles
{
    public static string Root => RepoRoot.Path;

    /// <summary>adaptgate.dll in AdaptGate.Tool's build output (the project file passes its path in).</summary>
    public static string Cli { get; } = typeof(RepoFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AdaptGateCli").Value!;

    public static string Path(params string[] parts) => RepoRoot.Combine(parts);

    public static string Sample(string name) => Path("samples", "car-loan", name);
}
