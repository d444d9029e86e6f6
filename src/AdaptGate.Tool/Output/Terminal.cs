namespace AdaptGate.Tool.Output;

/// <summary>Whether output may carry colour: only on a real terminal, and never when NO_COLOR is set (no-color.org).</summary>
internal static class Terminal
{
    public static bool UsesColor(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
