using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Tests;

/// <summary>Runs the command line in process, as Program.Main does, and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = AdaptGateCli.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
