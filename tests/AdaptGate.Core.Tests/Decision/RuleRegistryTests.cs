using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Decision.Rules;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Policy.Json;
using AdaptGate.Tests.Shared;

namespace AdaptGate.Core.Tests.Decision;

/// <summary>
/// The registry is the one declaration of the decision rules: the engine evaluates what it holds, `adaptgate explain`
/// lists it, the build's diagnostic codes, the policy schema, the README's rule table and docs/diagnostics.md agree with it.
/// </summary>
public sealed partial class RuleRegistryTests
{
    private static readonly IReadOnlyList<DecisionRule> Rules = DecisionRules.All;

    [Fact]
    public void Ids_codes_and_policy_keys_are_each_declared_once()
    {
        Assert.Equal(Rules.Count, Rules.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Rules.Count, Rules.Select(r => r.Code).Distinct().Count());
        Assert.Equal(Rules.Count, Rules.Select(r => r.PolicyKey).Distinct().Count());
        Assert.All(Rules, r => Assert.Matches("^AG1[0-9]{3}$", r.Code));
        Assert.All(Rules, r => Assert.NotEmpty(r.Reads));
        Assert.All(Rules.Where(r => r.Scope == RuleScope.Adjustment), r => Assert.NotNull(r.Replaces));
    }

    [Fact]
    public void Adjustments_come_last_and_a_rule_reads_only_rules_before_it()
    {
        var firstAdjustment = Rules.ToList().FindIndex(r => r.Scope == RuleScope.Adjustment);
        Assert.All(Rules.Skip(firstAdjustment), r => Assert.Equal(RuleScope.Adjustment, r.Scope));
        for (var i = 0; i < Rules.Count; i++)
        {
            foreach (var read in Rules[i].Reads.Where(read => DecisionRules.Find(read) is not null))
            {
                Assert.True(Rules.ToList().FindIndex(r => r.Id == read) < i, $"{Rules[i].Id} reads {read}, which is evaluated after it");
            }
        }
    }

    [Fact]
    public void Explain_lists_the_registry_in_its_order()
    {
        var explained = PolicyExplainer.Explain(new GatePolicy());

        Assert.Equal(Rules.Select(r => (r.Id, r.Verdict, r.Scope, r.Replaces)), explained.Select(e => (e.Id, e.Verdict, e.Scope, e.Replaces)));
    }

    [Fact]
    public void The_engine_evaluates_only_registered_rules()
    {
        var outcome = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.9, 0.8), Drifted = 6 }.Build(), new GatePolicy());

        Assert.All(outcome.Evaluations, e => Assert.NotNull(DecisionRules.Find(e.Rule)));
        Assert.Equal(Rules.Where(r => r.Scope is RuleScope.Always or RuleScope.WithMetrics && r.Enabled(new GatePolicy())).Select(r => r.Id),
            outcome.Evaluations.Select(e => e.Rule).Distinct().Where(id => DecisionRules.Find(id)!.Scope != RuleScope.Adjustment));
    }

    [Fact]
    public void Policy_schema_has_a_settings_object_for_every_rule_and_no_other()
    {
        var schema = JsonNode.Parse(PolicySchema.Json)!.AsObject();
        var rules = schema["properties"]!["rules"]!["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(Rules.Select(r => r.PolicyKey).Order(StringComparer.Ordinal), rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_builds_diagnostic_codes_are_the_registrys()
    {
        // The MSBuild task assembly does not load Core, so it keeps its own map; it must say what the registry says.
        var source = File.ReadAllText(RepoRoot.Combine("src", "AdaptGate.Build", "DiagnosticCodes.cs"));
        var codes = CodeEntry().Matches(source).ToDictionary(m => m.Groups["rule"].Value, m => m.Groups["code"].Value);

        Assert.Equal(Rules.ToDictionary(r => r.Id, r => r.Code).OrderBy(p => p.Key), codes.OrderBy(p => p.Key));
    }

    [Fact]
    public void Docs_have_a_section_per_rule_and_the_readme_a_row()
    {
        var diagnostics = File.ReadAllText(RepoRoot.Combine("docs", "diagnostics.md"));
        var readme = File.ReadAllText(RepoRoot.Combine("README.md"));

        Assert.All(Rules, r => Assert.Contains($"### {r.Code}: `{r.Id}` (", diagnostics, StringComparison.Ordinal));
        Assert.All(Rules, r => Assert.Contains($"\n| `{r.Id}` | ", readme, StringComparison.Ordinal));
        var table = readme[readme.IndexOf("| rule | fires when", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var rows = ReadmeRuleRow().Matches(table).Select(m => m.Groups["id"].Value).Where(id => id != "trial");
        Assert.Equal(Rules.Select(r => r.Id), rows);
    }

    [GeneratedRegex("\\[\"(?<rule>[a-z-]+)\"\\] = \"(?<code>AG[0-9]{4})\"")]
    private static partial Regex CodeEntry();

    [GeneratedRegex("\\n\\| `(?<id>[a-z-]+)` \\| ")]
    private static partial Regex ReadmeRuleRow();
}
