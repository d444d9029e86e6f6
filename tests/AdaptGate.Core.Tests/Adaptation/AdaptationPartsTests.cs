using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Tests.Adaptation;

public sealed class AdaptationPartsTests
{
    [Fact]
    public void Recommendation_takes_the_cheapest_within_the_tolerance_of_the_best()
    {
        Assert.Equal(Verdict.Skip, Recommendation.Pick([(Verdict.Skip, 0.860), (Verdict.FineTune, 0.865), (Verdict.Retrain, 0.869)], "auc", 0.01));
        Assert.Equal(Verdict.FineTune, Recommendation.Pick([(Verdict.Skip, 0.82), (Verdict.FineTune, 0.88), (Verdict.Retrain, 0.87)], "auc", 0.01));
        Assert.Equal(Verdict.Retrain, Recommendation.Pick([(Verdict.Skip, 0.70), (Verdict.FineTune, 0.80), (Verdict.Retrain, 0.85)], "auc", 0.01));
        Assert.Equal(Verdict.FineTune, Recommendation.Pick([(Verdict.Skip, 12.0), (Verdict.FineTune, 10.005), (Verdict.Retrain, 10.0)], "rmse", 0.01));
        Assert.Null(Recommendation.Pick([], "auc", 0.01));
    }

    [Theory]
    // fine-tune is best; skip is 0.015 short with its interval [lo, hi]: how each reading of credibility judges it.
    [InlineData("point", 0.005, Verdict.FineTune)]
    [InlineData("interval", 0.005, Verdict.FineTune)]
    [InlineData("lower-bound-past-threshold", 0.005, Verdict.Skip)]
    [InlineData("interval", -0.002, Verdict.Skip)]
    [InlineData("lower-bound-past-threshold", 0.012, Verdict.FineTune)]
    public void A_cheaper_action_is_ruled_out_only_as_the_credibility_says(string credibility, double skipLow, Verdict expected)
    {
        var mode = credibility switch
        {
            "point" => MetricCredibility.Point,
            "interval" => MetricCredibility.Interval,
            _ => MetricCredibility.LowerBoundPastThreshold,
        };
        (Verdict, double, double?)[] shortfalls = [(Verdict.Skip, 0.015, skipLow), (Verdict.FineTune, 0, 0), (Verdict.Retrain, 0.003, -0.004)];

        Assert.Equal(expected, Recommendation.PickCredible(shortfalls, 0.01, mode));
        Assert.Equal(mode.Name(), credibility);
    }

    [Fact]
    public void A_shortfall_without_an_interval_is_judged_on_its_point_and_nothing_measured_recommends_nothing()
    {
        Assert.Equal(Verdict.Retrain, Recommendation.PickCredible([(Verdict.Skip, 0.05, null), (Verdict.Retrain, 0, null)], 0.01, MetricCredibility.LowerBoundPastThreshold));
        Assert.Equal(Verdict.Skip, Recommendation.PickCredible([(Verdict.Skip, 0.01, null), (Verdict.Retrain, 0, null)], 0.01, MetricCredibility.Point));
        Assert.Null(Recommendation.PickCredible([], 0.01, MetricCredibility.Point));
    }

    [Fact]
    public void An_errors_tolerance_is_a_share_of_the_best_and_a_scores_is_in_its_units()
    {
        // On an rmse near 130, retraining for 1.5 less (1.2%) does not earn its cost at 2%; 0.02 rmse would say it does.
        (Verdict, double)[] near130 = [(Verdict.Skip, 131.0), (Verdict.FineTune, 130.5), (Verdict.Retrain, 129.5)];
        Assert.Equal(Verdict.Skip, Recommendation.Pick(near130, "rmse", Recommendation.DefaultTolerance("rmse")));
        Assert.Equal(Verdict.FineTune, Recommendation.Pick(near130, "rmse", 0.008));
        Assert.Equal(Verdict.Retrain, Recommendation.Pick(near130, "rmse", 0.001));

        // On a log-loss near 0.2, 0.004 is 2%: 0.205 against 0.2 is 2.5% worse and does not count as close.
        Assert.Equal(Verdict.Retrain, Recommendation.Pick([(Verdict.Skip, 0.205), (Verdict.Retrain, 0.200)], "log-loss", 0.02));
        Assert.Equal(Verdict.Skip, Recommendation.Pick([(Verdict.Skip, 0.2039), (Verdict.Retrain, 0.200)], "log-loss", 0.02));

        // A score keeps its absolute tolerance: 0.009 auc is within 0.01, 0.011 is not.
        Assert.Equal(Verdict.Skip, Recommendation.Pick([(Verdict.Skip, 0.861), (Verdict.Retrain, 0.870)], "auc", Recommendation.DefaultTolerance("auc")));
        Assert.Equal(Verdict.Retrain, Recommendation.Pick([(Verdict.Skip, 0.859), (Verdict.Retrain, 0.870)], "auc", 0.01));

        Assert.Equal((0.01, 0.02, 0.02, 0.02, 0.02), (Recommendation.DefaultTolerance("auc"), Recommendation.DefaultTolerance("rmse"), Recommendation.DefaultTolerance("mae"), Recommendation.DefaultTolerance("mse"), Recommendation.DefaultTolerance("log-loss")));
        Assert.Equal(0.01, Recommendation.DefaultTolerance("micro-accuracy"));
        Assert.Equal("2% of the best rmse", Recommendation.Describe(0.02, "rmse"));
        Assert.Equal("0.01 auc of the best", Recommendation.Describe(0.01, "auc"));
    }

    [Fact]
    public void Holdout_split_is_seeded_disjoint_and_keeps_file_order()
    {
        var rows = Enumerable.Range(0, 1000).ToArray();
        var (train, holdout) = RowSplit.Holdout(rows, 0.2, seed: 0, reference: false);
        var again = RowSplit.Holdout(rows, 0.2, seed: 0, reference: false);
        var other = RowSplit.Holdout(rows, 0.2, seed: 1, reference: false);

        Assert.Equal((800, 200), (train.Length, holdout.Length));
        Assert.Empty(train.Intersect(holdout));
        Assert.Equal(holdout, again.Holdout);
        Assert.NotEqual(holdout, other.Holdout);
        Assert.Equal(holdout.Order(), holdout);
    }

    [Fact]
    public void Replay_is_a_share_of_the_current_rows_capped_at_the_reference()
    {
        var reference = Enumerable.Range(0, 300).ToArray();
        Assert.Equal(200, RowSplit.Replay(reference, currentRows: 1000, share: 0.2, seed: 0).Length);
        Assert.Equal(300, RowSplit.Replay(reference, currentRows: 1000, share: 5, seed: 0).Length);
        Assert.Empty(RowSplit.Replay(reference, currentRows: 1000, share: 0, seed: 0));
    }

    [Fact]
    public void Concatenated_tables_merge_categories_by_text()
    {
        var a = new DataTable("a.csv", [new NumericColumn("x", [1, 2]), new CategoricalColumn("c", [0, 1], ["red", "blue"])], 2);
        var b = new DataTable("b.csv", [new NumericColumn("x", [3]), new CategoricalColumn("c", [0], ["blue"])], 1);

        var both = TableRows.Concat("both", [a, b]);

        Assert.Equal([1.0, 2, 3], ((NumericColumn)both.Find("x")!).Values);
        var c = (CategoricalColumn)both.Find("c")!;
        Assert.Equal(["red", "blue", "blue"], c.Codes.Select(code => c.Categories[code]));
    }

    [Fact]
    public void A_removed_feature_is_filled_with_one_constant_on_both_sides()
    {
        var schema = new DataViewSchema.Builder();
        schema.AddColumn("x", NumberDataViewType.Single);
        schema.AddColumn("c", TextDataViewType.Instance);
        schema.AddColumn("y", BooleanDataViewType.Instance);
        var reference = new DataTable("r.csv", [new NumericColumn("x", [1, 3]), new CategoricalColumn("c", [1, 1], ["a", "b"]), new NumericColumn("y", [0, 1])], 2);
        var current = new DataTable("c.csv", [new NumericColumn("y", [1, 0, 1])], 3);

        var (r, c, removed) = RemovedFeatures.Fill(schema.ToSchema(), reference, current, "y");

        Assert.Equal([new RemovedFeature("x", "2"), new RemovedFeature("c", "b")], removed);
        Assert.Equal([2.0, 2], ((NumericColumn)r.Find("x")!).Values);
        Assert.Equal([2.0, 2, 2], ((NumericColumn)c.Find("x")!).Values);
        Assert.Equal(3, c.Find("c")!.Length);
    }
}
