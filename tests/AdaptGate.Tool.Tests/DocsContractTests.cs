using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using AdaptGate.Core.Reports;
using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// The contracts users rely on live in docs/ of the repository and match the code (issue 19, class 13): nothing cites
/// a document that is not there, the JSON report's page lists every field, the command line's page every option and
/// exit code, and no example writes a report over the policy's default name (class 2).
/// </summary>
public sealed partial class DocsContractTests
{
    [Fact]
    public void Nothing_cites_a_design_document_the_repository_does_not_have()
    {
        var citing = Texts().Where(f => f.Text.Contains("design.md", StringComparison.Ordinal)).Select(f => f.Path).ToArray();

        Assert.Empty(citing);
    }

    [Fact]
    public void Every_docs_link_in_the_docs_points_at_a_file_that_exists()
    {
        var broken = new List<string>();
        foreach (var (path, text) in Texts().Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal)))
        {
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length > 0 && !target.Contains("://", StringComparison.Ordinal)
                    && !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)))
                {
                    broken.Add($"{Path.GetRelativePath(RepoPaths.Root, path)}: {target}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void No_example_writes_a_report_to_the_policy_name()
    {
        var help = string.Concat(new[] { "check", "comment", "adapt" }.Select(c => CliRun.Of(c, "--help").Stdout));
        var overPolicy = Texts()
            .Append((Path: "--help", Text: help))
            .SelectMany(f => ReportOverPolicy().Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .ToArray();

        Assert.Empty(overPolicy);
    }

    [Fact]
    public void The_report_format_page_lists_every_field_of_the_report()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "report-format.md"));

        var missing = FieldNames(typeof(CheckReport))
            .Where(name => !page.Contains($"`{name}`", StringComparison.Ordinal) && !page.Contains($"\"{name}\"", StringComparison.Ordinal)).ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_command_line_page_lists_every_option_and_exit_code()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "cli.md"));
        var environment = new DictionaryEnvironment();
        Command[] commands =
        [
            CheckCommand.Create(TextWriter.Null, TextWriter.Null, environment),
            InitCommand.Create(TextWriter.Null),
            ExplainCommand.Create(TextWriter.Null, environment),
            RecordCommand.Create(TextWriter.Null),
            CommentCommand.Create(TextWriter.Null, TextWriter.Null, environment, GitHub.GitHubRetryOptions.Default),
            AdaptCommand.Create(TextWriter.Null),
            ProfileCommand.Create(TextWriter.Null, environment),
        ];

        var missingOptions = commands
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o.Name)))
            .Where(o => o.Option != "--help" && !Regex.IsMatch(page, $@"adaptgate {o.Command}\b[^`]*?{Regex.Escape(o.Option)}\b"))
            .Select(o => $"{o.Command} {o.Option}")
            .ToArray();
        var missingCodes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (int)f.GetValue(null)!)
            .Distinct()
            .Where(code => !page.Contains($"| {code} |", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(missingOptions);
        Assert.Empty(missingCodes);
    }

    /// <summary>The camelCase JSON names of a report record and of every record it holds.</summary>
    private static SortedSet<string> FieldNames(Type root)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || type.Namespace != typeof(CheckReport).Namespace || !type.IsClass)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                names.Add(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                pending.Push(propertyType.IsGenericType ? propertyType.GetGenericArguments()[0] : propertyType);
            }
        }

        return names;
    }

    /// <summary>The repository's docs, README, action and workflows, source and tests (not build output).</summary>
    private static IEnumerable<(string Path, string Text)> Texts()
    {
        var root = RepoPaths.Root;
        string[] extensions = [".md", ".cs", ".yml", ".yaml", ".json", ".props", ".targets"];
        return new[] { "README.md" }.Select(f => Path.Combine(root, f))
            .Concat(new[] { "docs", "src", "tests", ".github", "samples" }
                .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories)))
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(nameof(DocsContractTests) + ".cs", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)));
    }

    [GeneratedRegex(@"--(json|report|markdown)[ =]+\S*adaptgate\.json\b")]
    private static partial Regex ReportOverPolicy();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
