using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Tests;

/// <summary>Environment variables for one test, without touching the process's own.</summary>
internal sealed class DictionaryEnvironment(params (string Name, string Value)[] variables) : IEnvironment
{
    private readonly Dictionary<string, string> _variables = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public string? Get(string name) => _variables.GetValueOrDefault(name);
}
