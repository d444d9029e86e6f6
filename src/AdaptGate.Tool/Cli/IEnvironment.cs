namespace AdaptGate.Tool.Cli;

/// <summary>
/// The environment variables the tool reads (NO_COLOR, the CI systems' variables). Tests pass a
/// dictionary, so they never depend on, or touch, the real process environment.
/// </summary>
internal interface IEnvironment
{
    string? Get(string name);
}
