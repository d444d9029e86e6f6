using AdaptGate.Core.Adaptation.Trial;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Tests.Adaptation;

public sealed class TrialFoldsTests
{
    [Fact]
    public void One_fold_is_the_single_split_of_the_last_share()
    {
        Assert.Equal([new TrialFolds.Fold(1500, 0.4)], TrialFolds.Plan(1500, 0.4, 1));
    }

    [Fact]
    public void Blocks_cut_the_last_share_and_each_holds_out_itself_from_the_rows_up_to_its_end()
    {
        var plan = TrialFolds.Plan(1000, 0.4, 3);

        // 400 scored rows from row 600: blocks end at 733, 867 and 1000.
        Assert.Equal([733, 867, 1000], plan.Select(f => f.Rows));
        var held = plan.Select(f => (int)Math.Round(f.Holdout * f.Rows, MidpointRounding.AwayFromZero)).ToArray();
        Assert.Equal([133, 134, 133], held);
        Assert.Equal(400, held.Sum());
        Assert.Equal([600, 733, 867], plan.Zip(held, (f, h) => f.Rows - h));
    }

    [Fact]
    public void More_blocks_than_scored_rows_leave_out_the_empty_ones()
    {
        var plan = TrialFolds.Plan(10, 0.2, 5);

        Assert.Equal([9, 10], plan.Select(f => f.Rows));
        Assert.All(plan, f => Assert.True(f.Holdout > 0));
        Assert.Equal(2, plan.Sum(f => (int)Math.Round(f.Holdout * f.Rows)));
    }

    [Fact]
    public void Pooled_rows_score_as_the_rows_put_together()
    {
        var random = new Random(7);
        bool[] Bits(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4)];
        double[] Scores(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        var (a1, a2) = (Bits(300), Bits(200));
        var (p1, p2) = (Scores(300), Scores(200));
        var (y1, y2) = (Array.ConvertAll(p1, p => p > 0.5), Array.ConvertAll(p2, p => p > 0.5));

        var pooled = MetricRows.Concat([MetricRows.Binary(a1, y1, p1), MetricRows.Binary(a2, y2, p2)]).Compute(null);
        var whole = MetricRows.Binary([.. a1, .. a2], [.. y1, .. y2], [.. p1, .. p2]).Compute(null);

        Assert.Equal(500, MetricRows.Concat([MetricRows.Binary(a1, y1, p1), MetricRows.Binary(a2, y2, p2)]).Count);
        Assert.Equal(whole["auc"], pooled["auc"]);
        Assert.Equal(whole["accuracy"], pooled["accuracy"]);
        Assert.Equal(whole["log-loss"], pooled["log-loss"]);

        double[] r1 = [1, 2, 3], r2 = [4, 5];
        double[] q1 = [1.5, 2, 2.5], q2 = [4, 6];
        var regression = MetricRows.Concat([MetricRows.Regression(r1, q1), MetricRows.Regression(r2, q2)]).Compute(null);
        Assert.Equal(Math.Sqrt((0.25 + 0 + 0.25 + 0 + 1) / 5), regression["rmse"], 1e-15);

        int[] c1 = [0, 1, 2], c2 = [2, 2];
        int[] d1 = [0, 2, 2], d2 = [2, 1];
        var multiclass = MetricRows.Concat([MetricRows.Multiclass(c1, d1, 3, null), MetricRows.Multiclass(c2, d2, 3, null)]).Compute(null);
        Assert.Equal(3.0 / 5, multiclass["micro-accuracy"], 1e-15);
    }
}
