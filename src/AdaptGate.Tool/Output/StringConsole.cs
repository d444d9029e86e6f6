using System.Globalization;
using Spectre.Console;

namespace AdaptGate.Tool.Output;

/// <summary>
/// A Spectre.Console that renders into a string: the reports are built whole, then printed or
/// written to a file, so colour and width are decided by the caller, not by the process's console.
/// </summary>
internal static class StringConsole
{
    public static (IAnsiConsole Console, StringWriter Text) Create(bool color, int width)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            // Spectre's enrichers read the process environment and turn ANSI on under GitHub Actions, Azure Pipelines
            // and other CI systems, past NO_COLOR: whether to colour is decided here, from the tool's own environment.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = width;
        return (console, writer);
    }
}
