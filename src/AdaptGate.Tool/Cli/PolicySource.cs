using System.CommandLine;
using AdaptGate.Core.Policy;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// Which policy a command runs with: the --policy file when given; else adaptgate.json in the working
/// directory when there is one (what `adaptgate init` just wrote); else the built-in defaults.
/// </summary>
internal static class PolicySource
{
    public static Option<string?> CreateOption() => new("--policy", "-p")
    {
        Description = $"Policy file. Default: {PolicyLoader.DefaultFileName} in the working directory if there is one, else the built-in defaults.",
    };

    /// <returns>The policy, and the file it came from (null for the built-in defaults).</returns>
    public static (GatePolicy Policy, string? Path) Load(string? path)
    {
        var resolved = Resolve(path);
        return resolved is null ? (new GatePolicy(), null) : (PolicyLoader.Load(resolved), resolved);
    }

    /// <returns>The policy file to use, or null for the built-in defaults.</returns>
    public static string? Resolve(string? path) =>
        path ?? (File.Exists(PolicyLoader.DefaultFileName) ? PolicyLoader.DefaultFileName : null);
}
