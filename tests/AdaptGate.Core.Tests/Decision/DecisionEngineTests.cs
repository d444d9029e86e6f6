using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Decision;

/// <summary>
/// Every rule of the decision table, alone and in the combinations that decide between them:
/// which verdict wins and which reasons are listed, in order.
/// </summary>
public sealed class DecisionEngineTests
{
    private static readonly GatePolicy Defaults = new();

    public static TheoryData<string, Evidence, Verdict, string[]> Cases() => new()
    {
        // name, evidence, verdict, fired rules in the order the report lists them
        { "all quiet, no metrics", new Evidence(), Verdict.Skip, ["all-clear"] },
        { "all quiet, metric holds", new Evidence { Metric = ("auc", 0.9, 0.895) }, Verdict.Skip, ["all-clear"] },
        { "schema: a feature is gone", new Evidence { Lost = ["age"] }, Verdict.Retrain, ["schema-change"] },
        { "schema: a kind changed", new Evidence { KindChanges = 1 }, Verdict.Retrain, ["schema-change"] },
        { "schema beats a small drift", new Evidence { Lost = ["age"], Drifted = 1 }, Verdict.Retrain, ["schema-change", "drift-detected"] },
        { "one feature drifted", new Evidence { Drifted = 1 }, Verdict.FineTune, ["drift-detected"] },
        { "drift share just below severe", new Evidence { Drifted = 4 }, Verdict.FineTune, ["drift-detected"] },
        { "drift share at severe", new Evidence { Drifted = 5 }, Verdict.Retrain, ["drift-share-severe", "drift-detected"] },
        { "label drifted alone", new Evidence { LabelDrifted = true }, Verdict.FineTune, ["target-drift"] },
        { "label stable", new Evidence { WithLabel = true }, Verdict.Skip, ["all-clear"] },
        { "domain separable", new Evidence { DomainAuc = 0.95, Drifted = 1 }, Verdict.Retrain, ["domain-separable", "drift-detected"] },
        { "domain not separable", new Evidence { DomainAuc = 0.6 }, Verdict.Skip, ["all-clear"] },
        { "metric drop (absolute)", new Evidence { Metric = ("auc", 0.9, 0.87) }, Verdict.FineTune, ["metric-drop"] },
        { "metric drop (accuracy)", new Evidence { Metric = ("accuracy", 0.90, 0.875) }, Verdict.FineTune, ["metric-drop"] },
        { "metric drop (relative, rmse +15%)", new Evidence { Metric = ("rmse", 10, 11.5) }, Verdict.FineTune, ["metric-drop"] },
        { "rmse +5% holds", new Evidence { Metric = ("rmse", 10, 10.5) }, Verdict.Skip, ["all-clear"] },
        { "metric collapse (absolute)", new Evidence { Metric = ("auc", 0.9, 0.78) }, Verdict.Retrain, ["metric-collapse", "metric-drop"] },
        { "metric collapse (relative, rmse x1.6)", new Evidence { Metric = ("rmse", 10, 16) }, Verdict.Retrain, ["metric-collapse", "metric-drop"] },
        { "drop with diverged data", new Evidence { Metric = ("auc", 0.9, 0.86), Drifted = 6 }, Verdict.Retrain, ["metric-drop-diverged", "metric-drop"] },
        { "drift without degradation", new Evidence { Metric = ("auc", 0.9, 0.899), Drifted = 7 }, Verdict.Skip, ["drift-without-degradation"] },
        { "with metrics, drift share alone does not retrain", new Evidence { Metric = ("auc", 0.9, 0.9), Drifted = 9 }, Verdict.Skip, ["drift-without-degradation"] },
        { "major shift while the metric holds: major-shift is off by default", new Evidence { Metric = ("auc", 0.9, 0.91), Drifted = 8, ShiftedFar = 5 }, Verdict.Skip, ["drift-without-degradation"] },
        { "shifted far, below the share", new Evidence { Metric = ("auc", 0.9, 0.91), Drifted = 8, ShiftedFar = 4 }, Verdict.Skip, ["drift-without-degradation"] },
        { "major shift with a drop: the metric rules decide", new Evidence { Metric = ("auc", 0.9, 0.86), Drifted = 6, ShiftedFar = 6 }, Verdict.Retrain, ["metric-drop-diverged", "metric-drop"] },
        { "without metrics, major shift is not a rule", new Evidence { Drifted = 6, ShiftedFar = 6 }, Verdict.Retrain, ["drift-share-severe", "drift-detected"] },
        { "with metrics, label drift is not a rule", new Evidence { Metric = ("auc", 0.9, 0.9), LabelDrifted = true }, Verdict.Skip, ["all-clear"] },
        { "fine-tune streak turns into retrain", new Evidence { Drifted = 1, FineTunes = 10 }, Verdict.Retrain, ["fine-tune-streak", "drift-detected"] },
        { "streak below the limit", new Evidence { Drifted = 1, FineTunes = 9 }, Verdict.FineTune, ["drift-detected"] },
        { "streak does not touch a retrain", new Evidence { Drifted = 6, FineTunes = 12 }, Verdict.Retrain, ["drift-share-severe", "drift-detected"] },
        { "too little data turns fine-tune into skip", new Evidence { Drifted = 1, Rows = 200 }, Verdict.Skip, ["too-little-data", "drift-detected"] },
        { "too little data with metrics", new Evidence { Metric = ("auc", 0.9, 0.87), Rows = 499 }, Verdict.Skip, ["too-little-data", "metric-drop"] },
        { "exactly the minimum rows fine-tunes", new Evidence { Drifted = 1, Rows = 500 }, Verdict.FineTune, ["drift-detected"] },
        { "too little data does not stop a retrain", new Evidence { Lost = ["x"], Rows = 10 }, Verdict.Retrain, ["schema-change"] },
        { "streak wins over too little data", new Evidence { Drifted = 1, FineTunes = 11, Rows = 10 }, Verdict.Retrain, ["fine-tune-streak", "drift-detected"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string name, Evidence evidence, Verdict verdict, string[] reasons)
    {
        var outcome = DecisionEngine.Decide(evidence.Build(), Defaults);

        Assert.True(verdict == outcome.Verdict, $"{name}: expected {verdict}, got {outcome.Verdict} ({string.Join(", ", outcome.Reasons.Select(r => r.Rule))})");
        Assert.Equal(reasons, outcome.Reasons.Select(r => r.Rule).ToArray());
    }

    /// <summary>major-shift is off by default (docs/decisions.md); switched on, it decides as it was built to.</summary>
    public static TheoryData<string, Evidence, Verdict, string[]> MajorShiftCases => new()
    {
        { "major shift while the metric holds", new Evidence { Metric = ("auc", 0.9, 0.91), Drifted = 8, ShiftedFar = 5 }, Verdict.FineTune, ["major-shift"] },
        { "shifted far, below the share", new Evidence { Metric = ("auc", 0.9, 0.91), Drifted = 8, ShiftedFar = 4 }, Verdict.Skip, ["drift-without-degradation"] },
        { "major shift with a drop: the metric rules decide", new Evidence { Metric = ("auc", 0.9, 0.86), Drifted = 6, ShiftedFar = 6 }, Verdict.Retrain, ["metric-drop-diverged", "metric-drop"] },
        { "major shift on too few rows", new Evidence { Metric = ("auc", 0.9, 0.9), Drifted = 5, ShiftedFar = 5, Rows = 200 }, Verdict.Skip, ["too-little-data", "major-shift"] },
        { "without metrics, major shift is not a rule", new Evidence { Drifted = 6, ShiftedFar = 6 }, Verdict.Retrain, ["drift-share-severe", "drift-detected"] },
    };

    private static GatePolicy MajorShiftOn => new() { Rules = new RulesPolicy { MajorShift = new MajorShiftRule { Enabled = true } } };

    [Theory]
    [MemberData(nameof(MajorShiftCases))]
    public void Decides_with_major_shift_on(string name, Evidence evidence, Verdict verdict, string[] reasons)
    {
        var outcome = DecisionEngine.Decide(evidence.Build(), MajorShiftOn);

        Assert.True(verdict == outcome.Verdict, $"{name}: expected {verdict}, got {outcome.Verdict} ({string.Join(", ", outcome.Reasons.Select(r => r.Rule))})");
        Assert.Equal(reasons, outcome.Reasons.Select(r => r.Rule).ToArray());
    }

    [Fact]
    public void Reasons_carry_value_threshold_and_margin()
    {
        var outcome = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.91, 0.84) }.Build(), Defaults);

        var drop = outcome.Reasons.Single(r => r.Rule == "metric-drop");
        Assert.Equal(0.07, drop.Value, 12);
        Assert.Equal(0.015, drop.Threshold);
        Assert.Equal(0.055, drop.Margin, 12);
        Assert.Contains("auc went from 0.91 to 0.84", drop.Message, StringComparison.Ordinal);
        var collapse = outcome.Evaluations.Single(e => e.Rule == "metric-collapse");
        Assert.False(collapse.Fired);
        Assert.Equal(-0.03, collapse.Margin!.Value, 12);
    }

    [Fact]
    public void Evaluations_follow_the_explained_order()
    {
        var withMetrics = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.9, 0.87), Drifted = 1 }.Build(), MajorShiftOn);
        Assert.Equal(
            ["schema-change", "metric-collapse", "metric-drop-diverged", "metric-drop", "major-shift", "drift-without-degradation", "fine-tune-streak", "too-little-data"],
            withMetrics.Evaluations.Select(e => e.Rule).ToArray());

        var withoutMetrics = DecisionEngine.Decide(new Evidence { Drifted = 1, LabelDrifted = true, DomainAuc = 0.7 }.Build(), Defaults);
        Assert.Equal(
            ["schema-change", "drift-share-severe", "domain-separable", "drift-detected", "target-drift", "fine-tune-streak", "too-little-data"],
            withoutMetrics.Evaluations.Select(e => e.Rule).ToArray());
    }

    [Fact]
    public void Major_shift_names_the_far_columns_and_its_margin()
    {
        var outcome = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.88, 0.9), Drifted = 7, ShiftedFar = 6 }.Build(), MajorShiftOn);

        var shift = outcome.Reasons.Single(r => r.Rule == "major-shift");
        Assert.Equal(Verdict.FineTune, shift.Verdict);
        Assert.Equal(0.6, shift.Value, 12);
        Assert.Equal(0.5, shift.Threshold);
        Assert.Equal(0.1, shift.Margin, 12);
        Assert.Contains("60% of feature columns shifted far (PSI 0.25 or more: 'f0', 'f1', 'f2', 'f3', 'f4' and 1 more)", shift.Message, StringComparison.Ordinal);
        Assert.Contains("auc went from 0.88 to 0.9", shift.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Reasons, r => r.Rule == "drift-without-degradation");
    }

    [Fact]
    public void Major_shift_thresholds_come_from_the_policy()
    {
        var policy = new GatePolicy { Rules = new RulesPolicy { MajorShift = new MajorShiftRule { Enabled = true, Psi = 0.1, DriftShare = 0.3 } } };
        var evidence = new Evidence { Metric = ("auc", 0.9, 0.9), Drifted = 3 }; // PSI 0.15 on three of ten columns

        Assert.Equal(Verdict.FineTune, DecisionEngine.Decide(evidence.Build(), policy).Verdict);
        Assert.Equal(Verdict.Skip, DecisionEngine.Decide(evidence.Build(), Defaults).Verdict);
        var off = new GatePolicy { Rules = new RulesPolicy { MajorShift = new MajorShiftRule { Enabled = false } } };
        Assert.Equal(Verdict.Skip, DecisionEngine.Decide((evidence with { ShiftedFar = 3 }).Build(), off).Verdict);
    }

    [Fact]
    public void A_floor_crossed_is_a_collapse()
    {
        var policy = new GatePolicy { Metrics = new MetricsPolicy { Floors = new Dictionary<string, double> { ["auc"] = 0.88 } } };

        var outcome = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.885, 0.875) }.Build(), policy);

        Assert.Equal(Verdict.Retrain, outcome.Verdict);
        var floor = outcome.Reasons.Single(r => r.Rule == "metric-collapse");
        Assert.Equal(0.875, floor.Value);
        Assert.Equal(0.88, floor.Threshold);
        Assert.Contains("below its floor", floor.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_metric_floor_is_a_ceiling()
    {
        var policy = new GatePolicy { Metrics = new MetricsPolicy { Floors = new Dictionary<string, double> { ["rmse"] = 10.2 } } };

        var outcome = DecisionEngine.Decide(new Evidence { Metric = ("rmse", 10, 10.3) }.Build(), policy);

        Assert.Equal(Verdict.Retrain, outcome.Verdict);
        Assert.Contains("above its ceiling", outcome.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_rules_do_not_fire()
    {
        var policy = new GatePolicy { Rules = new RulesPolicy { DriftDetected = new ToggleRule { Enabled = false }, SchemaChange = new ToggleRule { Enabled = false } } };

        var outcome = DecisionEngine.Decide(new Evidence { Drifted = 2, Lost = ["x"] }.Build(), policy);

        Assert.Equal(Verdict.Skip, outcome.Verdict);
        Assert.DoesNotContain(outcome.Evaluations, e => e.Rule is "drift-detected" or "schema-change");
    }

    [Fact]
    public void Thresholds_come_from_the_policy()
    {
        var policy = new GatePolicy { Rules = new RulesPolicy { DriftShareSevere = new DriftShareRule { DriftShare = 0.2 }, TooLittleData = new TooLittleDataRule { MinRows = 10_000 } } };

        Assert.Equal(Verdict.Retrain, DecisionEngine.Decide(new Evidence { Drifted = 2 }.Build(), policy).Verdict);
        Assert.Equal(Verdict.Skip, DecisionEngine.Decide(new Evidence { Drifted = 1 }.Build(), policy).Verdict);
    }

    [Fact]
    public void Warnings_explain_skips_that_need_a_look()
    {
        var holds = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.9, 0.9), Drifted = 2 }.Build(), Defaults);
        Assert.Contains(holds.Warnings, w => w.Contains("Features drifted but auc holds: 'f0', 'f1'", StringComparison.Ordinal));

        var few = DecisionEngine.Decide(new Evidence { Drifted = 1, Rows = 120 }.Build(), Defaults);
        Assert.Contains(few.Warnings, w => w.Contains("overfitting", StringComparison.Ordinal));

        var optimistic = DecisionEngine.Decide(new Evidence { Metric = ("auc", 0.9, 0.9), OptimisticBaseline = true }.Build(), Defaults);
        Assert.Contains(optimistic.Warnings, w => w.Contains("optimistic", StringComparison.Ordinal));
    }
}
