using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Checking;

internal static class PolicySource
{
    /// <summary>The policy file's rules, or the built-in defaults when no file is named.</summary>
    public static GatePolicy Load(string? path) => path is null ? new GatePolicy() : PolicyLoader.Load(path);
}
