namespace AdaptGate.Core.Output;

/// <summary>
/// Refuses, before any work, a run whose outputs would replace one of its inputs or each other: a JSON report named
/// adaptgate.json would have overwritten the policy, `--output current.csv` the data. Paths are compared resolved (symbolic links
/// followed, <see cref="ResolvedPath"/>), so a second name of a file is caught too.
/// </summary>
public static class OutputGuard
{
    /// <exception cref="InputException">An output is an input, or two outputs are one file; the message names both roles and the path.</exception>
    public static void Refuse(IEnumerable<FileRole> outputs, IEnumerable<FileRole> inputs)
    {
        var resolvedInputs = inputs.Select(i => (i, Resolved: ResolvedPath.Of(i.Path))).ToArray();
        var written = new List<(FileRole Role, string Resolved)>();
        foreach (var output in outputs)
        {
            var resolved = ResolvedPath.Of(output.Path);
            foreach (var (input, inputResolved) in resolvedInputs)
            {
                if (ResolvedPath.Same(resolved, inputResolved) && !ReferenceEquals(input, output))
                {
                    throw new InputException(
                        $"{Capitalized(output.Role)} would overwrite {input.Role}: both are {MessageText.Name(resolved)}.",
                        output.Path,
                        hint: "An output never replaces an input: write it to another file (a report, for instance, to adaptgate-report.json).");
                }
            }

            foreach (var (earlier, earlierResolved) in written)
            {
                if (ResolvedPath.Same(resolved, earlierResolved))
                {
                    throw new InputException(
                        $"{Capitalized(earlier.Role)} and {output.Role} would both be written to {MessageText.Name(resolved)}, and only the last would be left.",
                        output.Path,
                        hint: "Give each output a file of its own.");
                }
            }

            written.Add((output, resolved));
        }
    }

    private static string Capitalized(string role) => role.Length == 0 ? role : char.ToUpperInvariant(role[0]) + role[1..];
}
