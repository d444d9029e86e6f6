using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Decision;

/// <summary>
/// Every threshold of every rule, at it, one double below and one double above, so a `>=` that becomes `>` (or the
/// reverse) fails here. Thresholds are dyadic fractions (0.125, 0.375), exact in binary, and the evidence is built
/// directly (the drop and the share as given, not computed from a baseline), so "at" means exactly at. Metrics are
/// plain point values.
/// </summary>
public sealed class DecisionEngineBoundaryTests
{
    public enum Side
    {
        Under,
        At,
        Over,
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Metric_drop_absolute_fires_from_its_threshold_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MetricDrop = new MetricDropRule { AbsoluteDrop = 0.015625 } });

        var outcome = Decide(Inputs(metrics: Score("auc", drop: Place(0.015625, side))), policy);

        Assert.Equal(fires, Fired(outcome, "metric-drop"));
        Assert.Equal(fires ? Verdict.FineTune : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Metric_drop_relative_fires_from_its_threshold_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MetricDrop = new MetricDropRule { RelativeDrop = 0.125 } });

        var outcome = Decide(Inputs(metrics: Error("rmse", drop: Place(0.125, side))), policy);

        Assert.Equal(fires, Fired(outcome, "metric-drop"));
        Assert.Equal(fires ? Verdict.FineTune : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Metric_collapse_absolute_fires_from_its_threshold_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MetricCollapse = new MetricDropRule { AbsoluteDrop = 0.125, RelativeDrop = 0.5 } });

        var outcome = Decide(Inputs(metrics: Score("auc", drop: Place(0.125, side))), policy);

        Assert.Equal(fires, Fired(outcome, "metric-collapse"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.FineTune, outcome.Verdict);
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Metric_collapse_relative_fires_from_its_threshold_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MetricCollapse = new MetricDropRule { AbsoluteDrop = 0.125, RelativeDrop = 0.5 } });

        var outcome = Decide(Inputs(metrics: Error("rmse", drop: Place(0.5, side))), policy);

        Assert.Equal(fires, Fired(outcome, "metric-collapse"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.FineTune, outcome.Verdict);
    }

    /// <summary>A score's floor is the least acceptable value: at it holds, below it collapses.</summary>
    [Theory]
    [InlineData(Side.Under, true)]
    [InlineData(Side.At, false)]
    [InlineData(Side.Over, false)]
    public void A_score_below_its_floor_collapses_and_one_at_it_holds(Side side, bool fires)
    {
        var policy = Policy(floors: new Dictionary<string, double> { ["auc"] = 0.75 });

        var outcome = Decide(Inputs(metrics: Score("auc", drop: 0, current: Place(0.75, side))), policy);

        var floor = outcome.Evaluations.Single(e => e.Rule == "metric-collapse" && e.Threshold == 0.75);
        Assert.Equal(fires, floor.Fired);
        Assert.Equal(fires ? Verdict.Retrain : Verdict.Skip, outcome.Verdict);
    }

    /// <summary>An error's floor is a ceiling, the most acceptable value: at it holds, above it collapses.</summary>
    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, false)]
    [InlineData(Side.Over, true)]
    public void An_error_above_its_ceiling_collapses_and_one_at_it_holds(Side side, bool fires)
    {
        var policy = Policy(floors: new Dictionary<string, double> { ["rmse"] = 12.5 });

        var outcome = Decide(Inputs(metrics: Error("rmse", drop: 0, current: Place(12.5, side))), policy);

        var ceiling = outcome.Evaluations.Single(e => e.Rule == "metric-collapse" && e.Threshold == 12.5);
        Assert.Equal(fires, ceiling.Fired);
        Assert.Equal(fires ? Verdict.Retrain : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Metric_drop_diverged_fires_from_its_drift_share_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MetricDropDiverged = new DriftShareRule { DriftShare = 0.375 } });

        var outcome = Decide(Inputs(share: Place(0.375, side), metrics: Score("auc", drop: 0.03125)), policy);

        Assert.Equal(fires, Fired(outcome, "metric-drop-diverged"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.FineTune, outcome.Verdict);
    }

    /// <summary>metric-drop-diverged needs a drop, measured against metric-drop's threshold: its boundary counts there too.</summary>
    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Metric_drop_diverged_needs_a_drop_at_the_fine_tune_threshold(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MetricDrop = new MetricDropRule { AbsoluteDrop = 0.015625 } });

        var outcome = Decide(Inputs(share: 0.75, metrics: Score("auc", drop: Place(0.015625, side))), policy);

        Assert.Equal(fires, Fired(outcome, "metric-drop-diverged"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.Skip, outcome.Verdict);
    }

    /// <summary>One of two equally weighted columns shifted far: a share of exactly 0.5 against a threshold placed around it.</summary>
    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Major_shift_fires_from_its_drift_share_on(Side side, bool fires)
    {
        // The share is 0.5; a share just under the threshold is a threshold just over it, and so on.
        var threshold = side switch { Side.Under => Math.BitIncrement(0.5), Side.Over => Math.BitDecrement(0.5), _ => 0.5 };
        var policy = Policy(rules => rules with { MajorShift = new MajorShiftRule { Enabled = true, Psi = 0.25, DriftShare = threshold } });

        var outcome = Decide(Inputs(psi: [1.0, 0.0], metrics: Score("auc", drop: 0)), policy);

        Assert.Equal(fires, Fired(outcome, "major-shift"));
        Assert.Equal(fires ? Verdict.FineTune : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Major_shift_counts_a_column_from_its_psi_threshold_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { MajorShift = new MajorShiftRule { Enabled = true, Psi = 0.25, DriftShare = 0.5 } });

        var outcome = Decide(Inputs(psi: [Place(0.25, side), 0.0], metrics: Score("auc", drop: 0)), policy);

        Assert.Equal(fires, Fired(outcome, "major-shift"));
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Drift_share_severe_fires_from_its_threshold_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { DriftShareSevere = new DriftShareRule { DriftShare = 0.375 } });

        var outcome = Decide(Inputs(share: Place(0.375, side), drifted: 1), policy);

        Assert.Equal(fires, Fired(outcome, "drift-share-severe"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.FineTune, outcome.Verdict);
    }

    [Theory]
    [InlineData(Side.Under, false)]
    [InlineData(Side.At, true)]
    [InlineData(Side.Over, true)]
    public void Domain_separable_fires_from_its_auc_on(Side side, bool fires)
    {
        var policy = Policy(rules => rules with { DomainSeparable = new DomainSeparableRule { Auc = 0.875 } });

        var outcome = Decide(Inputs(domainAuc: Place(0.875, side)), policy);

        Assert.Equal(fires, Fired(outcome, "domain-separable"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void Schema_change_fires_from_one_change_on(int lost, bool fires)
    {
        var outcome = Decide(Inputs(lost: Enumerable.Range(0, lost).Select(i => $"gone{i}").ToArray()), new GatePolicy());

        Assert.Equal(fires, Fired(outcome, "schema-change"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void Drift_detected_fires_from_one_drifted_column_on(int drifted, bool fires)
    {
        var outcome = Decide(Inputs(drifted: drifted, share: drifted / 16.0), new GatePolicy());

        Assert.Equal(fires, Fired(outcome, "drift-detected"));
        Assert.Equal(fires ? Verdict.FineTune : Verdict.Skip, outcome.Verdict);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void Drift_without_degradation_fires_from_one_drifted_column_on(int drifted, bool fires)
    {
        var outcome = Decide(Inputs(drifted: drifted, share: drifted / 16.0, metrics: Score("auc", drop: 0)), new GatePolicy());

        Assert.Equal(fires, Fired(outcome, "drift-without-degradation"));
        Assert.Equal(fires, outcome.Warnings.Any(w => w.StartsWith("Features drifted but auc holds", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void Fine_tune_streak_fires_from_its_limit_on(int fineTunes, bool fires)
    {
        var outcome = Decide(Inputs(drifted: 1, share: 1 / 16.0, fineTunes: fineTunes), new GatePolicy());

        Assert.Equal(fires, Fired(outcome, "fine-tune-streak"));
        Assert.Equal(fires ? Verdict.Retrain : Verdict.FineTune, outcome.Verdict);
    }

    [Theory]
    [InlineData(499, true)]
    [InlineData(500, false)]
    [InlineData(501, false)]
    public void Too_little_data_fires_below_its_minimum_only(int rows, bool fires)
    {
        var outcome = Decide(Inputs(drifted: 1, share: 1 / 16.0, rows: rows), new GatePolicy());

        Assert.Equal(fires, Fired(outcome, "too-little-data"));
        Assert.Equal(fires ? Verdict.Skip : Verdict.FineTune, outcome.Verdict);
    }

    private static double Place(double threshold, Side side) => side switch
    {
        Side.Under => Math.BitDecrement(threshold),
        Side.Over => Math.BitIncrement(threshold),
        _ => threshold,
    };

    private static DecisionOutcome Decide(DecisionInputs inputs, GatePolicy policy) => DecisionEngine.Decide(inputs, policy);

    private static bool Fired(DecisionOutcome outcome, string rule)
    {
        var evaluations = outcome.Evaluations.Where(e => e.Rule == rule).ToList();
        Assert.NotEmpty(evaluations);
        return evaluations.Any(e => e.Fired);
    }

    private static GatePolicy Policy(Func<RulesPolicy, RulesPolicy>? rules = null, Dictionary<string, double>? floors = null) => new()
    {
        Rules = rules?.Invoke(new RulesPolicy()) ?? new RulesPolicy(),
        Metrics = new MetricsPolicy { Floors = floors ?? new Dictionary<string, double>() },
    };

    private static MetricsSection Score(string name, double drop, double current = 0.75) => Metrics(name, "absolute", drop, current);

    private static MetricsSection Error(string name, double drop, double current = 10) => Metrics(name, "relative", drop, current);

    private static MetricsSection Metrics(string name, string dropKind, double drop, double current) =>
        new(name, current, current, drop, dropKind, "binary", "stored-predictions", "stored-predictions", false, 5000,
            [new MetricComparison(name, current, current, drop)]);

    /// <summary>
    /// Sixteen quiet feature columns (the share as given, so it is exact), or, with <paramref name="psi"/>, one equally
    /// weighted column per PSI; nothing else moved.
    /// </summary>
    private static DecisionInputs Inputs(
        double share = 0, int drifted = 0, double[]? psi = null, MetricsSection? metrics = null, double? domainAuc = null,
        string[]? lost = null, int fineTunes = 0, int rows = 5000)
    {
        var columns = psi is null
            ? Enumerable.Range(0, 16).Select(i => Column($"f{i}", i < drifted, 0.01)).ToArray()
            : psi.Select((p, i) => Column($"f{i}", false, p)).ToArray();
        var drift = new DriftSection("auto", "none", share, drifted > 0, columns.Length, drifted, columns);
        var domain = domainAuc is { } auc ? new DomainSection(auc, 1000, 1000, 5, [new SeparatingColumnEntry("f0", 0.5)]) : null;
        return new DecisionInputs(drift, lost ?? [], [], metrics, new TargetSection(null, null, null), domain, fineTunes, rows);
    }

    private static ColumnDrift Column(string name, bool drifted, double psi) =>
        new(name, "numeric", "wasserstein", drifted ? 0.3 : 0.01, null, null, 0.1, drifted, 1, new MissingRates(0, 0), null) { Psi = psi };
}
