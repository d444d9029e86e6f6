using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

public sealed class PolicyExplainerTests
{
    [Fact]
    public void Rules_come_in_evaluation_order_with_their_verdicts()
    {
        var rules = PolicyExplainer.Explain(new GatePolicy());

        Assert.Equal(
            ["schema-change", "metric-collapse", "metric-drop-diverged", "metric-drop", "major-shift", "drift-without-degradation", "drift-share-severe",
             "domain-separable", "drift-detected", "target-drift", "fine-tune-streak", "too-little-data"],
            rules.Select(r => r.Id));
        Assert.Equal(
            [Verdict.Retrain, Verdict.Retrain, Verdict.Retrain, Verdict.FineTune, Verdict.FineTune, Verdict.Skip, Verdict.Retrain,
             Verdict.Retrain, Verdict.FineTune, Verdict.FineTune, Verdict.Retrain, Verdict.Skip],
            rules.Select(r => r.Verdict));
        Assert.Equal([Verdict.FineTune, Verdict.FineTune], rules.Where(r => r.Scope == RuleScope.Adjustment).Select(r => r.Replaces!.Value));
        Assert.Equal(5, rules.Count(r => r.Scope == RuleScope.WithMetrics));
        Assert.Equal(4, rules.Count(r => r.Scope == RuleScope.WithoutMetrics));
    }

    [Fact]
    public void Default_thresholds_appear_in_the_words()
    {
        var rules = PolicyExplainer.Explain(new GatePolicy()).ToDictionary(r => r.Id);

        Assert.Contains("by 0.1 or more", rules["metric-collapse"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("by 50% or more", rules["metric-collapse"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("by 0.015 or more", rules["metric-drop"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("by 10% or more", rules["metric-drop"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("50% or more of the feature columns drifted", rules["metric-drop-diverged"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("50% or more", rules["drift-share-severe"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("50% or more of the (weighted) feature columns shifted far (PSI 0.25 or more)", rules["major-shift"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("AUC of 0.9 or more", rules["domain-separable"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("10 fine-tunes or more", rules["fine-tune-streak"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("fewer than 500 labeled rows", rules["too-little-data"].FiresWhen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_s_thresholds_and_switches_are_what_is_explained()
    {
        var policy = PolicyParse.Of("""
            {
              "metrics": { "primary": "rmse", "floors": { "rmse": 12.5 } },
              "domainClassifier": { "enabled": true },
              "rules": { "metricDrop": { "absoluteDrop": 0.05, "relativeDrop": 0.25 }, "targetDrift": { "enabled": false }, "fineTuneStreak": { "maxFineTunes": 1 } },
              "target": { "label": "repaid" }
            }
            """);

        var rules = PolicyExplainer.Explain(policy).ToDictionary(r => r.Id);

        Assert.Contains("the primary metric (rmse) dropped by 0.05 or more (scores) or rose by 25% or more (errors)", rules["metric-drop"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("rmse <= 12.5", rules["metric-collapse"].FiresWhen, StringComparison.Ordinal);
        Assert.True(rules["domain-separable"].Enabled);
        Assert.False(rules["target-drift"].Enabled);
        Assert.Contains("'repaid'", rules["target-drift"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("1 fine-tune or more", rules["fine-tune-streak"].FiresWhen, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_separable_cannot_fire_while_the_classifier_is_off()
    {
        var rule = PolicyExplainer.Explain(new GatePolicy()).Single(r => r.Id == "domain-separable");

        Assert.False(rule.Enabled);
        Assert.Contains("The domain classifier is off", rule.FiresWhen, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_name_the_drift_measurement()
    {
        var policy = PolicyParse.Of("""
            { "seed": 7, "ignore": ["id"], "columns": { "age": { "method": "ks", "threshold": 0.01, "weight": 2 } },
              "drift": { "correction": "holm" }, "history": { "path": "h.jsonl" } }
            """);

        var settings = PolicyExplainer.ExplainSettings(policy).ToDictionary(s => s.Name, s => s.Value);

        Assert.StartsWith("auto: ks (numeric) or chisquare", settings["drift method"], StringComparison.Ordinal);
        Assert.Equal("ks p < 0.05, chisquare p < 0.05, psi >= 0.1, wasserstein >= 0.1, jensenshannon >= 0.1", settings["drift thresholds"]);
        Assert.StartsWith("holm", settings["p-value correction"], StringComparison.Ordinal);
        Assert.Equal("'age': method ks, threshold 0.01, weight 2", settings["column settings"]);
        Assert.Equal("'id'", settings["ignored columns"]);
        Assert.Equal("7", settings["seed"]);
        Assert.Equal("h.jsonl", settings["history"]);
        Assert.Equal("off", settings["domain classifier"]);
    }

    [Fact]
    public void Settings_name_the_history_gate()
    {
        var policy = PolicyParse.Of("""{ "history": { "path": "h.jsonl", "gate": "churn-model" } }""");

        var settings = PolicyExplainer.ExplainSettings(policy).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal("churn-model", policy.History.Gate);
        Assert.Equal("h.jsonl, gate 'churn-model'", settings["history"]);
    }
}
