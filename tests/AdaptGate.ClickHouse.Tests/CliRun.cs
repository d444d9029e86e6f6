using AdaptGate.Tool.Cli;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>Runs the command line in process, as Program.Main does, with the environment the test gives, and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public static CliRun With(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = AdaptGateCli.Run(args, stdout, stderr, new Variables(environment), CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private sealed class Variables(IReadOnlyDictionary<string, string> variables) : IEnvironment
    {
        public string? Get(string name) => variables.GetValueOrDefault(name);
    }
}
