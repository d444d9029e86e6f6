using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Decision;

/// <summary>
/// A metric rule decides on a drop that is material (at or past its threshold) and credible (metrics.credibility,
/// from the drop's interval); without an interval the point value decides, as before.
/// </summary>
public sealed class CredibilityTests
{
    /// <summary>The README's car loans: auc 0.9763 → 0.9585 on 5,000 rows each.</summary>
    private static DecisionInputs Drop(double low, double high, int drifted = 0)
    {
        var inputs = new Evidence { Metric = ("auc", 0.9763, 0.9585), Drifted = drifted }.Build();
        return inputs with
        {
            Metrics = inputs.Metrics! with
            {
                DropLow = low, DropHigh = high, BaselineRows = 5000,
                Uncertainty = new MetricUncertainty(0.95, 1000, 0, "delong", null),
            },
        };
    }

    private static GatePolicy With(MetricCredibility credibility) => new() { Metrics = new MetricsPolicy { Credibility = credibility } };

    [Fact]
    public void A_material_drop_within_noise_does_not_decide_and_says_so_with_n()
    {
        var outcome = DecisionEngine.Decide(Drop(-0.002, 0.037), new GatePolicy());

        Assert.Equal(Verdict.Skip, outcome.Verdict);
        var rule = outcome.Evaluations.Single(e => e.Rule == "metric-drop");
        Assert.False(rule.Fired);
        Assert.Equal(-0.002, rule.Margin!.Value, 12);
        Assert.Contains("auc went from 0.9763 to 0.9585 (absolute drop +0.0178, 95% interval [-0.002, 0.037] on 5,000 baseline and 5,000 current rows): within noise", rule.Detail);
    }

    [Fact]
    public void A_credible_drop_fires_with_the_interval_in_its_margin()
    {
        var outcome = DecisionEngine.Decide(Drop(0.011, 0.025), new GatePolicy());

        Assert.Equal(Verdict.FineTune, outcome.Verdict);
        var reason = outcome.Reasons.Single(r => r.Rule == "metric-drop");
        Assert.Equal(0.9763 - 0.9585 - 0.015, reason.Margin, 12);
    }

    [Fact]
    public void Point_credibility_decides_on_the_value_as_before()
    {
        var outcome = DecisionEngine.Decide(Drop(-0.002, 0.037), With(MetricCredibility.Point));

        Assert.Equal(Verdict.FineTune, outcome.Verdict);
        Assert.Equal(0.9763 - 0.9585 - 0.015, outcome.Reasons.Single(r => r.Rule == "metric-drop").Margin, 12);
    }

    [Fact]
    public void Lower_bound_past_threshold_calls_a_lower_end_short_of_it_a_close_call()
    {
        var outcome = DecisionEngine.Decide(Drop(0.011, 0.025), With(MetricCredibility.LowerBoundPastThreshold));

        Assert.Equal(Verdict.Skip, outcome.Verdict);
        var rule = outcome.Evaluations.Single(e => e.Rule == "metric-drop");
        Assert.Equal(0.011 - 0.015, rule.Margin!.Value, 12);
        Assert.Contains("its interval's lower end 0.011 is short of 0.015: a close call", rule.Detail);
        Assert.Equal(Verdict.FineTune, DecisionEngine.Decide(Drop(0.016, 0.025), With(MetricCredibility.LowerBoundPastThreshold)).Verdict);
    }

    [Fact]
    public void A_drop_within_noise_does_not_count_as_dropped_for_metric_drop_diverged()
    {
        var noisy = DecisionEngine.Decide(Drop(-0.002, 0.037, drifted: 6), new GatePolicy());
        var credible = DecisionEngine.Decide(Drop(0.011, 0.025, drifted: 6), new GatePolicy());

        Assert.False(noisy.Evaluations.Single(e => e.Rule == "metric-drop-diverged").Fired);
        Assert.Contains("the metric's drop is within noise", noisy.Evaluations.Single(e => e.Rule == "metric-drop-diverged").Detail);
        Assert.Equal(Verdict.Retrain, credible.Verdict);
    }

    [Fact]
    public void Collapse_needs_a_credible_drop_too()
    {
        var inputs = new Evidence { Metric = ("auc", 0.9, 0.78) }.Build();
        inputs = inputs with { Metrics = inputs.Metrics! with { DropLow = -0.01, DropHigh = 0.25 } };

        var outcome = DecisionEngine.Decide(inputs, new GatePolicy());

        Assert.False(outcome.Evaluations.First(e => e.Rule == "metric-collapse").Fired);
        Assert.NotEqual(Verdict.Retrain, outcome.Verdict);
    }

    [Fact]
    public void A_floor_crossed_only_within_noise_is_a_close_call()
    {
        var policy = new GatePolicy { Metrics = new MetricsPolicy { Floors = new Dictionary<string, double> { ["auc"] = 0.9 } } };
        var inputs = new Evidence { Metric = ("auc", 0.9, 0.895) }.Build();
        var within = inputs with { Metrics = inputs.Metrics! with { Values = [inputs.Metrics.Values[0] with { CurrentLow = 0.88, CurrentHigh = 0.91 }] } };
        var past = inputs with { Metrics = inputs.Metrics! with { Values = [inputs.Metrics.Values[0] with { CurrentLow = 0.88, CurrentHigh = 0.898 }] } };

        var floorWithin = DecisionEngine.Decide(within, policy).Evaluations.Single(e => e.Rule == "metric-collapse" && e.Threshold == 0.9);
        var floorPast = DecisionEngine.Decide(past, policy).Evaluations.Single(e => e.Rule == "metric-collapse" && e.Threshold == 0.9);

        Assert.False(floorWithin.Fired);
        Assert.Contains("below its floor of 0.9 only within noise", floorWithin.Detail);
        Assert.Equal(0.9 - 0.91, floorWithin.Margin!.Value, 12);
        Assert.True(floorPast.Fired);
        Assert.Equal(0.9 - 0.898, floorPast.Margin!.Value, 12);
    }

    [Fact]
    public void Without_an_interval_the_point_value_decides_whatever_the_credibility()
    {
        var inputs = new Evidence { Metric = ("auc", 0.9763, 0.9585) }.Build();
        foreach (var credibility in Enum.GetValues<MetricCredibility>())
        {
            var outcome = DecisionEngine.Decide(inputs, With(credibility));

            Assert.Equal(Verdict.FineTune, outcome.Verdict);
            Assert.Equal("auc went from 0.9763 to 0.9585 (absolute drop +0.0178), at or past the fine-tune threshold of 0.015", outcome.Reasons.Single(r => r.Rule == "metric-drop").Message);
        }
    }
}
