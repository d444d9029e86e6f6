using System.Text.RegularExpressions;

namespace AdaptGate.Build.Tests;

/// <summary>The docs keep up with the package: every AG code has its anchor, every public property its description.</summary>
public sealed partial class DiagnosticsDocTests
{
    private static readonly string[] Codes =
    [
        "AG1000", "AG1001", "AG1002", "AG1003", "AG1004", "AG1005", "AG1006", "AG1007", "AG1008", "AG1009", "AG1010", "AG1011", "AG1012",
        "AG1099", "AG1100", "AG2001", "AG2002", "AG2003", "AG2004", "AG9999",
    ];

    private static readonly string[] Rules =
    [
        "schema-change", "metric-collapse", "metric-drop-diverged", "metric-drop", "major-shift", "drift-without-degradation", "drift-share-severe",
        "domain-separable", "drift-detected", "target-drift", "fine-tune-streak", "too-little-data",
    ];

    /// <summary>
    /// Codes are never renumbered once released (builds suppress or promote them by number): a rule added
    /// later takes the next free code wherever it sits in the table, as major-shift took AG1012.
    /// </summary>
    [Fact]
    public void Each_rule_of_the_decision_engine_has_its_own_stable_code()
    {
        Assert.Equal(
            ["AG1001", "AG1002", "AG1003", "AG1004", "AG1012", "AG1005", "AG1006", "AG1007", "AG1008", "AG1009", "AG1010", "AG1011"],
            Rules.Select(DiagnosticCodes.ForRule));
    }

    [Fact]
    public void Diagnostics_doc_has_an_anchor_matching_each_help_link()
    {
        var doc = File.ReadAllText(RepoFiles.Path("docs", "diagnostics.md"));

        Assert.All(Codes, code => Assert.Contains($"<a id=\"{code.ToLowerInvariant()}\"></a>", doc, StringComparison.Ordinal));
        Assert.All(Rules, rule => Assert.Contains($"`{rule}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Msbuild_doc_describes_every_public_property_and_item_of_the_package()
    {
        var doc = File.ReadAllText(RepoFiles.Path("docs", "msbuild.md"));
        var build = RepoFiles.Path("src", "AdaptGate.Build", "build");
        var names = Directory.GetFiles(build)
            .SelectMany(f => PublicName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.Contains("AdaptGateVerdict", names);
        Assert.All(names, name => Assert.Contains($"`{name}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_help_link_is_the_diagnostics_page_the_package_carries_beside_its_tasks()
    {
        var package = Path.Combine(Path.GetTempPath(), "pkg", "adaptgate.build", "1.2.3");
        Assert.Equal(new Uri(Path.Combine(package, "docs", "diagnostics.md")).AbsoluteUri, DiagnosticCodes.PackagedDoc(Path.Combine(package, "tasks", "net8.0", "AdaptGate.Build.Tasks.dll")));
        Assert.Equal(DiagnosticCodes.DefaultHelpLinkBase + "#ag1006", DiagnosticCodes.HelpLink(string.Empty, "AG1006"));
        Assert.EndsWith("/docs/diagnostics.md", DiagnosticCodes.DefaultHelpLinkBase, StringComparison.Ordinal);
        Assert.Equal("https://example.test/docs/diagnostics.md#ag2002", DiagnosticCodes.HelpLink("https://example.test/docs/diagnostics.md", "AG2002"));
    }

    [Fact]
    public void The_package_carries_the_diagnostics_page_where_the_props_point_the_help_links()
    {
        var project = File.ReadAllText(RepoFiles.Path("src", "AdaptGate.Build", "AdaptGate.Build.csproj"));
        var props = File.ReadAllText(RepoFiles.Path("src", "AdaptGate.Build", "build", "AdaptGate.Build.props"));

        Assert.Contains("<None Include=\"..\\..\\docs\\diagnostics.md\" Pack=\"true\" PackagePath=\"docs/diagnostics.md\"", project, StringComparison.Ordinal);
        Assert.Contains("NormalizePath('$(MSBuildThisFileDirectory)..', 'docs', 'diagnostics.md')", props, StringComparison.Ordinal);
        Assert.DoesNotContain("adaptgate.dev", props, StringComparison.Ordinal);
    }

    // $(AdaptGateX), @(AdaptGateX) and <AdaptGateX> elements; names starting with _ are private.
    [GeneratedRegex(@"[$@<]\(?(AdaptGate[A-Za-z]+)")]
    private static partial Regex PublicName();
}
