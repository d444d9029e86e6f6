using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Output;

/// <summary>
/// What the process is writing to. Only the real console counts as a terminal, so output captured
/// by tests (a StringWriter) is always plain and the same on every run.
/// </summary>
internal static class Terminal
{
    /// <summary>Colour only on a real terminal, and never when NO_COLOR is set to anything (no-color.org).</summary>
    public static bool UsesColor(TextWriter writer, IEnvironment environment) =>
        ReferenceEquals(writer, Console.Out)
        && !Console.IsOutputRedirected
        && environment.Get("NO_COLOR") is null;

    /// <summary>A live progress display belongs on standard error, and only when a person watches it.</summary>
    public static bool ShowsProgress(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
}
