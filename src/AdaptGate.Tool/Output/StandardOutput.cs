namespace AdaptGate.Tool.Output;

/// <summary>The names an output option takes for standard output.</summary>
internal static class StandardOutput
{
    /// <summary>
    /// <c>-</c>, as most tools take it, and the system's names of the stream. Opening /dev/stdout again would start at
    /// the beginning of a redirected file, and a rename onto it would swap the file away from under the shell.
    /// </summary>
    public static bool Names(string? path) => path is "-" or "/dev/stdout" or "/dev/fd/1" or "/proc/self/fd/1";
}
