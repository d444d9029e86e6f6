using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AdaptGate.Build;

/// <summary>
/// One "error: FILE[:LINE]: what is wrong" line of the CLI (exit code 2), split so MSBuild shows the
/// file and line as the error's origin. A prefix counts as a file only when it is one of the files the
/// task passed (or exists), so a message that merely contains ": " keeps its text whole.
/// </summary>
internal sealed class CliErrorLine
{
    private static readonly Regex Shape = new(@"^(?<file>(?:[A-Za-z]:[\\/])?[^:]+?)(?::(?<line>\d+))?: (?<message>.+)$", RegexOptions.CultureInvariant);

    private CliErrorLine(string? file, int line, string message)
    {
        File = file;
        Line = line;
        Message = message;
    }

    public string? File { get; }

    /// <summary>1-based; 0 when the CLI named no line.</summary>
    public int Line { get; }

    public string Message { get; }

    /// <summary>The lines of the CLI's output that are its error messages ("error: ..."), or all of it when none is.</summary>
    public static IReadOnlyList<CliErrorLine> FromOutput(IReadOnlyList<string> output, IEnumerable<string?> knownFiles, string workingDirectory)
    {
        var known = new HashSet<string>(knownFiles.Where(f => f is { Length: > 0 }).Select(f => f!), StringComparer.Ordinal);
        var errors = output.Where(l => l.StartsWith("error: ", StringComparison.Ordinal))
            .Select(l => Parse(l.Substring("error: ".Length), known, workingDirectory))
            .ToList();
        if (errors.Count == 0)
        {
            var text = string.Join(Environment.NewLine, output.Where(l => l.Trim().Length > 0));
            errors.Add(new CliErrorLine(null, 0, text.Length > 0 ? text : "adaptgate refused its input without a message."));
        }

        return errors;
    }

    private static CliErrorLine Parse(string text, HashSet<string> knownFiles, string workingDirectory)
    {
        var match = Shape.Match(text);
        if (match.Success)
        {
            var file = match.Groups["file"].Value;
            if (knownFiles.Contains(file) || ExistsUnder(workingDirectory, file))
            {
                var line = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0;
                return new CliErrorLine(file, line, match.Groups["message"].Value);
            }
        }

        return new CliErrorLine(null, 0, text);
    }

    private static bool ExistsUnder(string workingDirectory, string file)
    {
        try
        {
            return System.IO.File.Exists(Path.Combine(workingDirectory, file));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
