using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>metrics.credibility and metrics.bootstrap: read strictly, explained in words.</summary>
public sealed class CredibilityPolicyTests
{
    [Fact]
    public void Credibility_reads_its_json_names_and_defaults_to_interval()
    {
        Assert.Equal(MetricCredibility.Interval, new GatePolicy().Metrics.Credibility);
        Assert.Equal(MetricCredibility.LowerBoundPastThreshold, PolicyParse.Of("""{ "metrics": { "credibility": "lower-bound-past-threshold" } }""").Metrics.Credibility);
        var policy = PolicyParse.Of("""{ "metrics": { "credibility": "point", "bootstrap": { "resamples": 200 } } }""");
        Assert.Equal(MetricCredibility.Point, policy.Metrics.Credibility);
        Assert.Equal((200, 0.95), (policy.Metrics.Bootstrap.Resamples, policy.Metrics.Bootstrap.Level));
    }

    [Fact]
    public void Explain_says_when_a_drop_is_credible()
    {
        var byDefault = PolicyExplainer.Explain(new GatePolicy()).ToDictionary(r => r.Id);
        var point = PolicyExplainer.Explain(new GatePolicy { Metrics = new MetricsPolicy { Credibility = MetricCredibility.Point } }).ToDictionary(r => r.Id);
        var settings = PolicyExplainer.ExplainSettings(new GatePolicy { Metrics = new MetricsPolicy { Bootstrap = new BootstrapPolicy { Resamples = 500, Level = 0.9 } } });

        Assert.Contains("interval lies above zero", byDefault["metric-drop"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("interval lies above zero", byDefault["metric-collapse"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("point value alone", point["metric-drop"].FiresWhen, StringComparison.Ordinal);
        Assert.Contains("p < 0.05", byDefault["target-drift"].FiresWhen, StringComparison.Ordinal);
        Assert.Equal("90% confidence: DeLong for the auc of a binary score, else 500 bootstrap resamples per file (stratified by class, seeded); credibility interval",
            settings.Single(s => s.Name == "metric intervals").Value);
    }
}
