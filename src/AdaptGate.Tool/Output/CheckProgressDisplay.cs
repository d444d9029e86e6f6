using AdaptGate.Core.Checking;
using AdaptGate.Tool.Cli;
using Spectre.Console;

namespace AdaptGate.Tool.Output;

/// <summary>
/// A spinner on standard error naming the step a check is at. Silent unless standard error is a
/// terminal, so logs, pipes and tests get nothing.
/// </summary>
internal static class CheckProgressDisplay
{
    public static T Run<T>(TextWriter stderr, IEnvironment environment, Func<IProgress<CheckProgress>?, T> work)
    {
        if (!Terminal.ShowsProgress(stderr))
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = environment.Get("NO_COLOR") is null ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(stderr),
            // Spectre's enrichers read the process environment and turn ANSI on under GitHub Actions, Azure Pipelines
            // and other CI systems, past NO_COLOR: whether to colour is decided here, from the tool's own environment.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        return console.Status().Start("starting", context => work(new StatusProgress(context)));
    }

    /// <summary>
    /// Reports arrive from the drift test's worker threads; the status is one string the display
    /// reads on its own refresh, so the last report written wins and nothing blocks.
    /// </summary>
    private sealed class StatusProgress(StatusContext context) : IProgress<CheckProgress>
    {
        public void Report(CheckProgress value) => context.Status = Markup.Escape(value.Describe());
    }
}
