using System.Globalization;
using System.Text.Json.Nodes;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Drift.Methods;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Policy.Json;
using AdaptGate.Core.Tests.Policy;
using AdaptGate.Tests.Shared;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>The registry is the one declaration of the drift methods: the schema, docs/policy.md and docs/cli.md list what it holds.</summary>
public sealed class DriftMethodRegistryTests
{
    private readonly JsonObject _schema = JsonNode.Parse(PolicySchema.Json)!.AsObject();

    [Fact]
    public void Every_enum_member_but_auto_is_registered_once()
    {
        var registered = DriftMethodRegistry.All.Select(d => d.Method).ToArray();

        Assert.Equal(Enum.GetValues<DriftMethod>().Where(m => m != DriftMethod.Auto).Order(), registered.Order());
        Assert.Equal(registered.Length, registered.Distinct().Count());
    }

    [Fact]
    public void Every_definition_can_compute_what_it_needs()
    {
        foreach (var d in DriftMethodRegistry.All)
        {
            Assert.True(d.Needs == DriftInput.Values ? d.ValuesScore is not null : d.CountsScore is not null, d.Name);
            Assert.True(!d.AppliesToCategorical || d.Needs == DriftInput.BinCounts, $"{d.Name} applies to categories, which have no values to sort");
            Assert.Equal(d.DefaultThreshold, d.PolicyThreshold(new DriftThresholds()));
        }
    }

    [Fact]
    public void Schema_method_enum_is_the_registry_s()
    {
        var names = _schema["$defs"]!["driftMethod"]!["enum"]!.AsArray().Select(n => (string?)n);

        Assert.Equal(DriftMethods.Names, names);
    }

    [Fact]
    public void Schema_thresholds_are_the_registry_s_keys_defaults_and_ranges()
    {
        var thresholds = _schema["properties"]!["drift"]!["properties"]!["thresholds"]!["properties"]!.AsObject();

        Assert.Equal(DriftMethodRegistry.All.Select(d => d.PolicyKey), thresholds.Select(p => p.Key));
        foreach (var d in DriftMethodRegistry.All)
        {
            var property = thresholds[d.PolicyKey]!;
            Assert.Equal(d.DefaultThreshold, property["default"]!.GetValue<double>());
            Assert.Equal(0, property["exclusiveMinimum"]!.GetValue<double>());
            Assert.Equal(d.ScoreKind == DriftScoreKind.PValue ? 1 : null, property["exclusiveMaximum"]?.GetValue<double>());
            Assert.Equal(d.MaxThreshold, property["maximum"]?.GetValue<double>());
        }
    }

    [Fact]
    public void Schema_column_threshold_ranges_are_the_registry_s()
    {
        var conditions = _schema["$defs"]!["columnPolicy"]!["allOf"]!.AsArray();
        var pValueMethods = conditions
            .Where(c => c!["then"]!["properties"]!["threshold"]!["exclusiveMaximum"] is not null)
            .SelectMany(c => c!["if"]!["properties"]!["method"]!["enum"]!.AsArray().Select(n => (string?)n));
        var bounded = conditions
            .Where(c => c!["then"]!["properties"]!["threshold"]!["maximum"] is not null)
            .ToDictionary(c => (string)c!["if"]!["properties"]!["method"]!["const"]!, c => c!["then"]!["properties"]!["threshold"]!["maximum"]!.GetValue<double>());

        Assert.Equal(DriftMethodRegistry.All.Where(d => d.ScoreKind == DriftScoreKind.PValue).Select(d => d.Name), pValueMethods);
        Assert.Equal(
            DriftMethodRegistry.All.Where(d => d.MaxThreshold is not null).ToDictionary(d => d.Name, d => d.MaxThreshold!.Value),
            bounded);
    }

    [Fact]
    public void Policy_docs_table_is_the_registry()
    {
        var lines = File.ReadAllLines(RepoRoot.Combine("docs", "policy.md"));
        var start = Array.IndexOf(lines, "## Drift methods");
        Assert.True(start >= 0, "docs/policy.md lacks its '## Drift methods' section");
        var rows = lines.Skip(start).SkipWhile(l => !l.StartsWith("| method", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .ToArray();

        var expected = DriftMethodRegistry.All.Select(d => string.Join(" | ",
            $"| `{d.Name}`",
            d.KindsText,
            d.ScoreKind == DriftScoreKind.PValue ? "p-value" : "distance",
            d.DefaultThreshold.ToString(CultureInfo.InvariantCulture),
            d.ScoreKind == DriftScoreKind.PValue ? "p < threshold" : "score >= threshold",
            d.Needs == DriftInput.Values ? "values |" : "bin counts |"));
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Cli_docs_list_the_registry_s_names()
    {
        var cli = File.ReadAllText(RepoRoot.Combine("docs", "cli.md"));

        Assert.Contains($"[--drift-method {string.Join('|', DriftMethods.Names)}]", cli, StringComparison.Ordinal);
        Assert.Contains($"use one of {string.Join(", ", DriftMethods.Names)}.", cli, StringComparison.Ordinal);
    }

    [Fact]
    public void Explainer_lists_every_method_s_threshold_rule()
    {
        var thresholds = PolicyExplainer.ExplainSettings(new GatePolicy() with { Drift = new DriftPolicy { Thresholds = new DriftThresholds { Psi = 0.25 } } })
            .Single(s => s.Name == "drift thresholds");

        Assert.Equal("ks p < 0.05, chisquare p < 0.05, psi >= 0.25, wasserstein >= 0.1, jensenshannon >= 0.1", thresholds.Value);
    }

    [Theory]
    [InlineData(DriftMethod.Psi, "psi")]
    [InlineData(DriftMethod.Wasserstein, "wasserstein")]
    public void A_column_threshold_of_a_distance_is_checked_with_its_method_s_hint(DriftMethod method, string name)
    {
        var json = $$"""{ "columns": { "x": { "method": "{{name}}", "threshold": -1 } } }""";

        var (_, text) = PolicyParse.Error(json);

        Assert.Contains(DriftMethodRegistry.Get(method).ThresholdHint, text, StringComparison.Ordinal);
    }
}
