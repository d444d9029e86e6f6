namespace AdaptGate.Tool.Cli;

/// <summary>The real environment of the process.</summary>
internal sealed class ProcessEnvironment : IEnvironment
{
    public static readonly ProcessEnvironment Instance = new();

    private ProcessEnvironment()
    {
    }

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
