using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AdaptGate.Build.Tests;

/// <summary>
/// The package's targets pass the check's options from one list (AdaptGate.Build.targets): every option of
/// `adaptgate check` is in it or is one the task owns, so an option added to the CLI fails here until it is added there.
/// </summary>
public sealed partial class TargetsArgumentListTests
{
    /// <summary>What the task passes itself (the data, the report, the history switch) and the help.</summary>
    private static readonly string[] TaskOwned = ["--reference", "--current", "--format", "--output", "--json", "--fail-on", "--no-history", "--help"];

    [Fact]
    public void Every_option_of_adaptgate_check_is_in_the_targets_argument_list_or_owned_by_the_task()
    {
        var help = RunCli("check", "--help");
        var cliOptions = CliOption().Matches(help).Select(m => m.Groups[1].Value).Distinct().ToList();
        var listed = ListedOptions();

        Assert.Contains("--drift-threshold", cliOptions);
        Assert.Equal(
            cliOptions.Except(TaskOwned).Order(StringComparer.Ordinal),
            listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_argument_list_feeds_both_the_command_line_and_the_stamp()
    {
        var targets = File.ReadAllText(RepoFiles.Path("src", "AdaptGate.Build", "build", "AdaptGate.Build.targets"));

        Assert.Contains("Arguments=\"@(_AdaptGateCheckArgument)\"", targets, StringComparison.Ordinal);
        Assert.Contains("<_AdaptGateStampLine Include=\"@(_AdaptGateCheckArgument->'%(Identity)=%(Value)')\" />", targets, StringComparison.Ordinal);
        Assert.Contains("Lines=\"@(_AdaptGateStampLine)\"", targets, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_listed_option_is_set_by_a_property_the_docs_describe()
    {
        var targets = File.ReadAllText(RepoFiles.Path("src", "AdaptGate.Build", "build", "AdaptGate.Build.targets"));
        var doc = File.ReadAllText(RepoFiles.Path("docs", "msbuild.md"));
        var properties = ListedProperty().Matches(targets).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(ListedOptions().Count, ListedProperty().Count(targets));
        Assert.All(properties.Where(p => !p.StartsWith('_')), p => Assert.Contains($"| `{p}` |", doc, StringComparison.Ordinal));
    }

    private static List<string> ListedOptions()
    {
        var targets = File.ReadAllText(RepoFiles.Path("src", "AdaptGate.Build", "build", "AdaptGate.Build.targets"));
        return ListedOption().Matches(targets).Select(m => m.Groups[1].Value).ToList();
    }

    private static string RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoFiles.Cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    // "  -r, --reference <reference>" and "  --no-history   ...": the long name of each option line of --help.
    [GeneratedRegex(@"^\s+(?:-\S+, )*(--[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex CliOption();

    [GeneratedRegex("<_AdaptGateCheckArgument Include=\"(--[a-z-]+)\"")]
    private static partial Regex ListedOption();

    // Value="$(AdaptGateX)", Value="$(_AdaptGateXPath)" or Value="$(AdaptGateX.Replace(...))"; a switch, Condition="'$(AdaptGateX)' == 'true'".
    [GeneratedRegex("<_AdaptGateCheckArgument Include=\"--[a-z-]+\" (?:Value=\"|Condition=\"')\\$\\(([_A-Za-z]+)")]
    private static partial Regex ListedProperty();
}
