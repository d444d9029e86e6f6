namespace AdaptGate.Core.Output;

/// <summary>
/// The real location of a path: absolute, with every symbolic link along it followed (in the folders and at the end,
/// dangling ones included), as realpath(3) gives it. Two names of one file resolve to one string, and a write through a
/// link lands on its target.
/// </summary>
internal static class ResolvedPath
{
    /// <summary>Linux gives up after 40 links in one lookup (ELOOP); so does this.</summary>
    private const int MaxLinks = 40;

    /// <summary>Linux and most Unix file systems tell case; Windows' and macOS' defaults do not.</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full, root).Reverse());
        var resolved = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(resolved, pending.Pop());
            var target = LinkTarget(next);
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new InputException("Too many symbolic links in this path (a loop?).", path);
            }

            // A relative link is relative to the folder holding it; its own parts are resolved in turn.
            var absolute = Path.GetFullPath(target, resolved);
            var targetRoot = Path.GetPathRoot(absolute)!;
            foreach (var part in Parts(absolute, targetRoot).Reverse())
            {
                pending.Push(part);
            }

            resolved = targetRoot;
        }

        return resolved;
    }

    public static bool Same(string a, string b) => Comparer.Equals(a, b);

    private static string[] Parts(string full, string root) =>
        full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: compared as named, which is what a write would meet too.
            return null;
        }
    }
}
