using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Tests;

/// <summary>Runs the command line in process, as Program.Main does, and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// With an empty environment: the test run itself may be in CI (GITHUB_ACTIONS is set on the
    /// repo's own workflow), and a check must not write to that runner's files.
    /// </summary>
    public static CliRun Of(params string[] args) => With(new DictionaryEnvironment(), CancellationToken.None, args);

    public static CliRun With(IEnvironment environment, params string[] args) => With(environment, CancellationToken.None, args);

    public static CliRun With(IEnvironment environment, CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = AdaptGateCli.Run(Isolated(args), stdout, stderr, environment, cancellationToken);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Tests run in one process and one working folder: a check that used the default history file
    /// would see the others' verdicts (and the fine-tune streak would depend on test order). Each
    /// check gets a history of its own unless the test names one.
    /// </summary>
    private static string[] Isolated(string[] args)
    {
        if (args.Length == 0 || args[0] != "check" || args.Contains("--history") || args.Contains("--no-history"))
        {
            return args;
        }

        var history = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "history", Guid.NewGuid().ToString("N") + ".jsonl");
        return [.. args, "--history", history];
    }
}
