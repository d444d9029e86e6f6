using AdaptGate.Tool.Cli;

namespace AdaptGate.GitHub.Tests;

/// <summary>Runs `adaptgate` in process, as Program.Main does, with a clock that does not wait; keeps what it printed.</summary>
internal sealed record CommentRun(int ExitCode, string Stdout, string Stderr)
{
    public static CommentRun With(IEnvironment environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = AdaptGateCli.Run(args, stdout, stderr, environment, GitHubRetryOptions.Default with { Clock = new InstantClock() });
        return new CommentRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Environment variables for one run, without touching the process's own.</summary>
internal sealed class TestEnvironment(params (string Name, string Value)[] variables) : IEnvironment
{
    private readonly Dictionary<string, string> _variables = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public string? Get(string name) => _variables.GetValueOrDefault(name);
}

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adaptgate-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup is not.
        }
    }
}
