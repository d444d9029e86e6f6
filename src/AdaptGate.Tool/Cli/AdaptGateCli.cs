using System.CommandLine;
using AdaptGate.Core;
using AdaptGate.Core.Reports;
using AdaptGate.GitHub;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// The command line: parses arguments, runs the command, and maps every outcome to one exit code
/// and at most one error message. Tests call <c>Run</c> with their own writers.
/// </summary>
internal static class AdaptGateCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        Run(args, stdout, stderr, ProcessEnvironment.Instance, cancellationToken);

    // The environment holds the variables the tool reads (NO_COLOR, the CI systems'); tests pass their own.
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IEnvironment environment, CancellationToken cancellationToken = default) =>
        Run(args, stdout, stderr, environment, GitHubRetryOptions.Default, cancellationToken);

    // The retry options of `comment`: tests pass a clock that does not wait.
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IEnvironment environment, GitHubRetryOptions gitHubRetry, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("AdaptGate: decide skip, fine-tune or retrain for an ML model from data drift and validation metrics.\n\nExample:\n  adaptgate init && adaptgate check --reference train.csv --current today.csv --label label --prediction predicted");
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr, environment));
        root.Subcommands.Add(InitCommand.Create(stdout));
        root.Subcommands.Add(ExplainCommand.Create(stdout, environment));
        root.Subcommands.Add(RecordCommand.Create(stdout));
        root.Subcommands.Add(CommentCommand.Create(stdout, stderr, environment, gitHubRetry));
        root.Subcommands.Add(AdaptCommand.Create(stdout));
        root.Subcommands.Add(ProfileCommand.Create(stdout, environment));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(Secrets.Scrub($"error: {MessageText.ShortenNames(error.Message)}", environment));
            }

            var command = parsed.CommandResult.Command;
            var name = command == root ? "adaptgate" : $"adaptgate {command.Name}";
            stderr.WriteLine($"Run '{name} --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            // Signals are the caller's to turn into the token (Program: TerminationSignals). System.CommandLine's own
            // handling would register only once a synchronous action had already run, and would exit before a
            // cancelled command had cleaned up.
            var configuration = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            var code = parsed.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
            if (code == ExitCodes.Cancelled)
            {
                stderr.WriteLine("cancelled: no report was written.");
            }

            return code;
        }
        catch (InputException e)
        {
            // The message quotes names from the data: scrubbed first (a secret is matched as it is), then made one inert line.
            stderr.WriteLine(InertText.Escape(Secrets.Scrub($"error: {e.Describe()}", environment)));
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled: no report was written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // Bad input never gets here (it is an InputException); this is a bug, so say so plainly.
            stderr.WriteLine(Secrets.Scrub($"internal error: {e.GetType().Name}: {MessageText.ShortenNames(e.Message)}", environment));
            stderr.WriteLine("This is a bug in AdaptGate, not in your input. Please report it with the command you ran.");
            stderr.WriteLine(Secrets.Scrub(e.StackTrace ?? string.Empty, environment));
            return ExitCodes.InternalError;
        }
    }
}
