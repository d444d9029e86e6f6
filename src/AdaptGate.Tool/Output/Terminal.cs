using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Output;

/// <summary>
/// What the process is writing to. Only the real console counts as a terminal, so output captured
/// by tests (a StringWriter) is always plain and the same on every run.
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// Colour only on a real terminal, and never when NO_COLOR is set to anything (no-color.org), in CI or not: a CI
    /// system's variables never turn it on (<see cref="StringConsole"/> keeps Spectre's environment detection out).
    /// </summary>
    public static bool UsesColor(TextWriter writer, IEnvironment environment) =>
        ReferenceEquals(Console(writer), System.Console.Out)
        && !System.Console.IsOutputRedirected
        && environment.Get("NO_COLOR") is null;

    /// <summary>A live progress display belongs on standard error, and only when a person watches it.</summary>
    public static bool ShowsProgress(TextWriter writer) =>
        ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected;

    private static TextWriter Console(TextWriter writer) => writer is StandardOutputWriter wrapped ? wrapped.Inner : writer;
}
