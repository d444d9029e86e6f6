using AdaptGate.Core;
using AdaptGate.Core.Output;

namespace AdaptGate.Tool.Output;

/// <summary>A report and where it goes: a format, the file the user named, and its role in messages.</summary>
internal sealed record ReportTarget(string Format, string Path, string Role)
{
    public FileRole File => new(Role, Path);
}

/// <summary>
/// Where a check's reports go: at most one to standard output (the --format report when there is no --output, or the
/// one whose option says <c>-</c>), the others to their files.
/// </summary>
internal sealed class ReportTargets
{
    private ReportTargets(string? standardOutput, IReadOnlyList<ReportTarget> files)
    {
        StandardOutput = standardOutput;
        Files = files;
    }

    /// <summary>The format of the report on standard output, or null when standard output gets only the verdict line.</summary>
    public string? StandardOutput { get; }

    public IReadOnlyList<ReportTarget> Files { get; }

    /// <summary>The JSON report's file, for CI systems to pick up (--json's when both --json and --format json --output name one).</summary>
    public string? JsonFile => Files.LastOrDefault(f => f.Format == "json")?.Path;

    /// <exception cref="InputException">Two reports would go to standard output.</exception>
    public static ReportTargets Resolve(string format, string? output, string? json, string? markdown, string? html)
    {
        string? standardOutput = null;
        string? standardOutputRole = null;
        var files = new List<ReportTarget>();

        void Add(string reportFormat, string? path, string role)
        {
            if (path is null)
            {
                return;
            }

            if (!Output.StandardOutput.Names(path))
            {
                files.Add(new ReportTarget(reportFormat, path, role));
                return;
            }

            if (standardOutputRole is not null)
            {
                throw new InputException(
                    $"{standardOutputRole} and {role} would both go to standard output, mixed into one stream.",
                    hint: "Send all but one to a file (--output FILE, --json FILE, --markdown FILE, --html FILE), or pick that report with --format.");
            }

            standardOutput = reportFormat;
            standardOutputRole = output is null && reportFormat == format && files.Count == 0 ? $"The --format {format} report (no --output)" : Capitalized(role);
        }

        Add(format, output ?? "-", "the report (--output)");
        Add("json", json, "the JSON report (--json)");
        Add("markdown", markdown, "the Markdown report (--markdown)");
        Add("html", html, "the HTML report (--html)");
        return new ReportTargets(standardOutput, files);
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
