using System;
using System.IO;
using System.Runtime.InteropServices;

namespace AdaptGate.Build;

/// <summary>
/// The dotnet host that runs the CLI: the one running this build when it says so ($(DOTNET_HOST_PATH),
/// set by the SDK), else the first dotnet on PATH (Visual Studio's MSBuild sets no host path).
/// </summary>
internal static class DotnetHost
{
    public static string ExecutableName { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

    /// <summary>The host's full path, or null when there is none to be found.</summary>
    public static string? Find(string? hostPath)
    {
        foreach (var candidate in new[] { hostPath, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") })
        {
            if (candidate is { Length: > 0 } && File.Exists(candidate))
            {
                return candidate;
            }
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                var candidate = Path.Combine(directory.Trim('"'), ExecutableName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            catch (ArgumentException)
            {
                // A PATH entry with characters a path cannot hold: not where dotnet is.
            }
        }

        return null;
    }
}
