using System.CommandLine;
using AdaptGate.Core;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// The command line: parses arguments, runs the command, and maps every outcome to one exit code
/// and at most one error message. Tests call <see cref="Run"/> with their own writers.
/// </summary>
internal static class AdaptGateCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("AdaptGate: decide skip, fine-tune or retrain for an ML model from data drift and validation metrics.");
        root.Subcommands.Add(CheckCommand.Create(stdout));
        root.Subcommands.Add(InitCommand.Create(stdout));
        root.Subcommands.Add(ExplainCommand.Create(stdout));
        root.Subcommands.Add(RecordCommand.Create(stdout));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            var command = parsed.CommandResult.Command;
            var name = command == root ? "adaptgate" : $"adaptgate {command.Name}";
            stderr.WriteLine($"Run '{name} --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Describe()}");
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
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in AdaptGate, not in your input. Please report it with the command you ran.");
            stderr.WriteLine(e.StackTrace);
            return ExitCodes.InternalError;
        }
    }
}
