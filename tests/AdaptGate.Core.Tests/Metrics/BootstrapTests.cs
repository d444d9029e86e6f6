using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>The bootstrap by row counts: same metrics as the kernels, deterministic by seed, intervals that cover.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public void Above_the_draw_cap_a_subsample_scaled_to_the_rows_gives_the_full_samples_interval()
    {
        // 200,000 rows of a model right on 80% of them: accuracy's standard error is √(0.8 · 0.2 / n) exactly.
        const int rows = 200_000;
        var random = new Random(11);
        var actual = new bool[rows];
        var predicted = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            actual[i] = random.NextDouble() < 0.5;
            predicted[i] = random.NextDouble() < 0.8 ? actual[i] : !actual[i];
        }

        var replicates = SampleReplicates.Draw(MetricRows.Binary(actual, predicted, null), resamples: 1000, seed: 0, stream: 0);
        var accuracy = replicates.Point[MetricNames.Accuracy];
        var (low, high) = MetricIntervals.Percentiles(replicates.Centered(MetricNames.Accuracy, accuracy)!, 0.05);

        var expectedHalfWidth = 1.959964 * Math.Sqrt(accuracy * (1 - accuracy) / rows);
        Assert.InRange((high!.Value - low!.Value) / 2, expectedHalfWidth * 0.9, expectedHalfWidth * 1.1);
        Assert.InRange(accuracy, low.Value, high.Value);

        // Each resample draws 20,000 rows, not 200,000; without the scale their spread would be √10 times wider.
        Assert.Equal(ResampleCounts.MaxDraws, new ResampleCounts(rows, null, 1).Draws.Sum());
        Assert.True(high.Value - low.Value < 2 * expectedHalfWidth * 1.5);
    }

    [Fact]
    public void Unit_weights_give_the_kernels_values()
    {
        var (actual, score) = Binormal(new Random(3), 300, 1.0);
        var predicted = Array.ConvertAll(score, s => s > 0.5);
        var probability = Array.ConvertAll(score, s => 1 / (1 + Math.Exp(-s)));

        var expected = BinaryMetrics.Compute(actual, predicted, probability);
        var weighted = MetricRows.Binary(actual, predicted, probability).Compute(null);

        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, weighted[name], 12);
        }
    }

    [Fact]
    public void Counts_give_the_metrics_of_the_rows_copied_that_many_times()
    {
        var random = new Random(5);
        var (actual, score) = Binormal(random, 200, 0.8);
        var rounded = Array.ConvertAll(score, s => Math.Round(s, 1));
        var predicted = Array.ConvertAll(rounded, s => s > 0.4);
        var counts = Enumerable.Range(0, actual.Length).Select(_ => random.Next(0, 4)).ToArray();
        var copiedActual = actual.SelectMany((a, i) => Enumerable.Repeat(a, counts[i])).ToArray();
        var copiedPredicted = predicted.SelectMany((p, i) => Enumerable.Repeat(p, counts[i])).ToArray();
        var copiedScore = rounded.SelectMany((s, i) => Enumerable.Repeat(s, counts[i])).ToArray();
        var copiedProbability = Array.ConvertAll(copiedScore, s => 1 / (1 + Math.Exp(-s)));

        var expected = BinaryMetrics.Compute(copiedActual, copiedPredicted, copiedProbability);
        var weighted = MetricRows.Binary(actual, predicted, Array.ConvertAll(rounded, s => 1 / (1 + Math.Exp(-s)))).Compute(counts);

        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, weighted[name], 12);
        }

        var y = Array.ConvertAll(score, s => (s * 3) + 1);
        var yHat = Array.ConvertAll(rounded, s => s * 3);
        var expectedRegression = RegressionMetrics.Compute(
            y.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray(), yHat.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray());
        var weightedRegression = MetricRows.Regression(y, yHat).Compute(counts);
        foreach (var (name, value) in expectedRegression)
        {
            Assert.Equal(value, weightedRegression[name], 10);
        }

        var classes = Array.ConvertAll(rounded, s => s < 0 ? 0 : s < 1 ? 1 : 2);
        var guesses = Array.ConvertAll(score, s => s < 0.2 ? 0 : s < 0.8 ? 1 : 2);
        var expectedMulticlass = MulticlassMetrics.Compute(
            classes.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray(), guesses.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray(), 3, null);
        var weightedMulticlass = MetricRows.Multiclass(classes, guesses, 3, null).Compute(counts);
        foreach (var (name, value) in expectedMulticlass)
        {
            Assert.Equal(value, weightedMulticlass[name], 12);
        }
    }

    [Fact]
    public void Same_seed_same_interval_other_seed_other_interval()
    {
        var (actual, score) = Binormal(new Random(11), 500, 1.0);
        var rows = MetricRows.Binary(actual, Array.ConvertAll(score, s => s > 0.5), null);

        var first = Accuracy(SampleReplicates.Draw(rows, 300, seed: 4, stream: 2), rows);
        var again = Accuracy(SampleReplicates.Draw(rows, 300, seed: 4, stream: 2), rows);
        var other = Accuracy(SampleReplicates.Draw(rows, 300, seed: 5, stream: 2), rows);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Low < rows.Compute(null)[MetricNames.Accuracy] && rows.Compute(null)[MetricNames.Accuracy] < first.High, $"{first}");
    }

    [Fact]
    public void Resamples_keep_each_class_s_size()
    {
        var strata = new[] { 0, 1, 1, 0, 1, 1, 1, 0 };
        var counts = new ResampleCounts(strata.Length, strata, 2);
        var drawn = new int[strata.Length];
        for (var b = 0; b < 50; b++)
        {
            counts.Draw(drawn, seed: 1, replicate: b);

            Assert.Equal(3, drawn.Where((_, i) => strata[i] == 0).Sum());
            Assert.Equal(5, drawn.Where((_, i) => strata[i] == 1).Sum());
        }
    }

    /// <summary>
    /// Scores N(d, 1) for positives and N(0, 1) for negatives, half of each: the auc is Φ(d/√2), and the accuracy of
    /// the cut at d/2 is Φ(d/2). Over 200 seeded samples of 200 rows, the 95% intervals (DeLong for the auc, the
    /// stratified bootstrap for the accuracy) cover the truth in 90–99% of them.
    /// </summary>
    [Fact]
    public void Intervals_cover_a_known_auc_and_accuracy_about_95_percent_of_the_time()
    {
        const double d = 1.0;
        var trueAuc = 1 - NormalQuantile.UpperTail(d / Math.Sqrt(2));
        var trueAccuracy = 1 - NormalQuantile.UpperTail(d / 2);
        int delong = 0, bootstrap = 0;
        const int samples = 200;
        for (var s = 0; s < samples; s++)
        {
            var (actual, score) = Binormal(new Random(1000 + s), 200, d);
            var predicted = Array.ConvertAll(score, v => v > d / 2);
            var replicates = SampleReplicates.Draw(MetricRows.Binary(actual, predicted, null, score), 200, seed: s, stream: 2);

            var auc = MetricIntervals.Compare(MetricNames.Auc, null, RocAuc.Compute(actual, score), null, replicates, 0.95)!;
            delong += auc.CurrentLow <= trueAuc && trueAuc <= auc.CurrentHigh ? 1 : 0;
            var accuracy = MetricIntervals.Compare(MetricNames.Accuracy, null, BinaryMetrics.Compute(actual, predicted, null)[MetricNames.Accuracy], null, replicates, 0.95)!;
            bootstrap += accuracy.CurrentLow <= trueAccuracy && trueAccuracy <= accuracy.CurrentHigh ? 1 : 0;
        }

        Assert.InRange(delong, 180, 198);
        Assert.InRange(bootstrap, 180, 198);
    }

    [Fact]
    public void A_resample_summed_as_drawn_is_the_weighted_pass_over_its_counts()
    {
        var (actual, score) = Binormal(new Random(8), 301, 0.7);
        var predicted = Array.ConvertAll(score, v => v > 0.3);
        var probability = Array.ConvertAll(score, v => 1 / (1 + Math.Exp(-v)));
        var sampler = new ResampleCounts(actual.Length, Array.ConvertAll(actual, a => a ? 1 : 0), 2);
        var counts = new int[actual.Length];
        var classes = Array.ConvertAll(score, v => v < 0 ? 0 : v < 1 ? 1 : 2);
        var y = Array.ConvertAll(score, v => (v * 2) + 5);
        var cases = new[]
        {
            (MetricRows.Binary(actual, predicted, probability), sampler),
            (MetricRows.Multiclass(classes, Array.ConvertAll(probability, p => p < 0.4 ? 0 : p < 0.7 ? 1 : 2), 3, null), new ResampleCounts(actual.Length, classes, 3)),
            (MetricRows.Regression(y, Array.ConvertAll(probability, p => p * 8)), new ResampleCounts(actual.Length, null, 1)),
        };

        foreach (var (rows, counter) in cases)
        {
            counter.Draw(counts, seed: 3, replicate: 17);
            var weighted = rows.Compute(counts, withAuc: false);
            var drawn = rows.Resample(counter, seed: 3, replicate: 17);

            foreach (var (name, value) in weighted)
            {
                Assert.Equal(value, drawn[name], 10);
            }
        }
    }

    [Fact]
    public void The_drop_interval_of_auc_adds_both_variances()
    {
        var (a, sa) = Binormal(new Random(21), 400, 1.2);
        var (b, sb) = Binormal(new Random(22), 400, 0.9);
        var baseline = SampleReplicates.Draw(MetricRows.Binary(a, Array.ConvertAll(sa, v => v > 0.5), null, sa), 100, 0, 1);
        var current = SampleReplicates.Draw(MetricRows.Binary(b, Array.ConvertAll(sb, v => v > 0.5), null, sb), 100, 0, 2);
        var (aucA, varA) = DeLong.Compute(a, sa);
        var (aucB, varB) = DeLong.Compute(b, sb);

        var interval = MetricIntervals.Compare(MetricNames.Auc, aucA, aucB, baseline, current, 0.95)!;

        Assert.Equal("delong", interval.Method);
        var half = 1.959963984540054 * Math.Sqrt(varA + varB);
        Assert.Equal(aucA - aucB - half, interval.DropLow!.Value, 12);
        Assert.Equal(aucA - aucB + half, interval.DropHigh!.Value, 12);

        // A baseline from a metrics file counts as exact: only the current variance is left.
        var fixedBaseline = MetricIntervals.Compare(MetricNames.Auc, aucA, aucB, null, current, 0.95)!;
        Assert.Null(fixedBaseline.BaselineLow);
        Assert.Equal(aucA - aucB - (1.959963984540054 * Math.Sqrt(varB)), fixedBaseline.DropLow!.Value, 12);
    }

    private static (double Low, double High) Accuracy(SampleReplicates replicates, MetricRows rows)
    {
        var (low, high) = MetricIntervals.Percentiles(replicates.Centered(MetricNames.Accuracy, rows.Compute(null)[MetricNames.Accuracy])!, 0.05);
        return (low!.Value, high!.Value);
    }

    private static (bool[] Actual, double[] Score) Binormal(Random random, int n, double d)
    {
        var actual = new bool[n];
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            actual[i] = i % 2 == 0;
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            score[i] = normal + (actual[i] ? d : 0);
        }

        return (actual, score);
    }
}
