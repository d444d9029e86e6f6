using System.Diagnostics;
using System.Globalization;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Estimation;
using AdaptGate.Core.Multivariate;

namespace AdaptGate.Bench.Decisions;

/// <summary>
/// The evidence for the decomposition's caps (docs/decisions.md, "Cost of the decomposition"): on a million reference rows,
/// the expected auc on a million shifted current rows from the confidence-based estimator fitted on every reference row,
/// against the one whose calibration is chosen on a seeded stratified sample of each size and fitted on every row (what
/// the check does), and the one chosen and fitted on the sample alone; five sample seeds, the largest move shown, beside
/// the 95% half-width of the covariate part (baseline − expected) on these rows. Stored scores honest, overconfident
/// (the logit doubled: Platt's case) and squared (a bend Platt cannot undo: isotonic's case). Then direct loss
/// estimation's loss model fitted on every reference row against samples of each size (noise that grows with the first
/// feature, so the expected error moves with the inputs; three seeds, as the full fit takes half a minute).
/// </summary>
internal static class DecompositionCap
{
    private const int Features = 25;
    private const int SampleSeeds = 5;
    private const int LossSampleSeeds = 3;

    public static int Run(int rows)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine("| estimate | stored scores | sample rows | fit (ms) | calibration chosen | expected | largest move: fitted on the sample | chosen on the sample, fitted on every row | 95% half-width of the covariate part |");
        Console.WriteLine("|---|---|---:|---:|---|---:|---:|---:|---:|");
        foreach (var scores in new[] { "honest", "overconfident", "squared" })
        {
            var (referenceScore, referenceLabel) = Binary(rows, shift: 0, scores, seed: 1);
            var (currentScore, _) = Binary(rows, shift: 0.3, scores, seed: 2);
            var predicted = currentScore.Select(s => s >= 0.5).ToArray();
            var watch = Stopwatch.StartNew();
            var full = ConfidenceBasedEstimator.Fit(referenceScore, referenceLabel);
            var fullMs = watch.Elapsed.TotalMilliseconds;
            var fullRows = new WeightedBinaryRows(currentScore, predicted, full.Probabilities(currentScore));
            var fullAuc = fullRows.Metric(MetricNames.Auc);
            var baselineRows = new WeightedBinaryRows(referenceScore, [.. referenceScore.Select(s => s >= 0.5)], [.. referenceLabel.Select(l => l ? 1.0 : 0.0)]);
            var halfWidth = 1.959963984540054 * Math.Sqrt(Square(StandardError(baselineRows, stratified: true)) + Square(StandardError(fullRows, stratified: false)));
            Console.WriteLine(string.Create(invariant, $"| cbpe auc | {scores} | all {rows:N0} | {fullMs:0} | {full.Calibration} | {fullAuc:0.0000} | – | – | {halfWidth:0.0000} |"));
            foreach (var cap in new[] { 200_000, 100_000, 50_000, 20_000 })
            {
                double onSample = 0, onEveryRow = 0, ms = 0, expected = 0;
                var calibrations = new SortedSet<string>(StringComparer.Ordinal);
                for (var seed = 0; seed < SampleSeeds; seed++)
                {
                    watch.Restart();
                    var (fitted, _) = CalibrationSample.Fit(referenceScore, referenceLabel, seed, cap);
                    ms += watch.Elapsed.TotalMilliseconds / SampleSeeds;
                    var sample = CalibrationSample.Rows(referenceLabel, seed, cap);
                    var (sampleScore, sampleLabel) = (sample.Select(i => referenceScore[i]).ToArray(), sample.Select(i => referenceLabel[i]).ToArray());
                    var sampleFit = ConfidenceBasedEstimator.Choose(sampleScore, sampleLabel).FittedOn(sampleScore, sampleLabel);
                    calibrations.Add(fitted.Calibration);
                    var auc = new WeightedBinaryRows(currentScore, predicted, fitted.Probabilities(currentScore)).Metric(MetricNames.Auc);
                    var sampleAuc = new WeightedBinaryRows(currentScore, predicted, sampleFit.Probabilities(currentScore)).Metric(MetricNames.Auc);
                    expected = seed == 0 ? auc : expected;
                    onEveryRow = Math.Max(onEveryRow, Math.Abs(auc - fullAuc));
                    onSample = Math.Max(onSample, Math.Abs(sampleAuc - fullAuc));
                }

                Console.WriteLine(string.Create(invariant, $"| cbpe auc | {scores} | {cap:N0} | {ms:0} | {string.Join(", ", calibrations)} | {expected:0.0000} | {onSample:0.0000} | {onEveryRow:0.0000} | |"));
            }
        }

        Dle(rows, invariant);
        Console.WriteLine($"Load average: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores.");
        return 0;
    }

    private static void Dle(int rows, CultureInfo invariant)
    {
        var reference = Regression(rows, shift: 0, seed: 3);
        var current = Regression(rows, shift: 0.3, seed: 4);
        var features = Enumerable.Range(0, Features).Select(Name).ToArray();
        var (referencePrediction, referenceLabel) = (Values(reference, "prediction"), Values(reference, "y"));
        var currentPrediction = Values(current, "prediction");
        var scored = RowSampler.Sample(rows, DirectLossEstimator.MaxRows, SplitMix64.ForStream(0, 0xD1E2));
        double ExpectedRmse(int[] fit, out double ms)
        {
            var watch = Stopwatch.StartNew();
            var loss = DirectLossEstimator.ExpectedLoss(
                reference, fit, [.. fit.Select(i => Square(referenceLabel[i] - referencePrediction[i]))], [.. fit.Select(i => referencePrediction[i])],
                current, scored, [.. scored.Select(i => currentPrediction[i])], features, seed: 0, CancellationToken.None);
            ms = watch.Elapsed.TotalMilliseconds;
            return Math.Sqrt(loss.Average());
        }

        var full = ExpectedRmse([.. Enumerable.Range(0, rows)], out var fullMs);
        Console.WriteLine();
        Console.WriteLine("| estimate | fit rows | fit (ms) | expected | largest move: fitted on the sample | sd over the seeds |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(invariant, $"| dle rmse | all {rows:N0} | {fullMs:0} | {full:0.0000} | – | – |"));
        foreach (var cap in new[] { 100_000, 50_000, 20_000, 10_000 })
        {
            double worst = 0, ms = 0, expected = 0;
            var differences = new List<double>();
            for (var seed = 0; seed < LossSampleSeeds; seed++)
            {
                var rmse = ExpectedRmse(RowSampler.Sample(rows, cap, SplitMix64.ForStream(seed, 0xD1E1)), out var fitMs);
                ms += fitMs / LossSampleSeeds;
                expected = seed == 0 ? rmse : expected;
                worst = Math.Max(worst, Math.Abs(rmse - full));
                differences.Add(rmse - full);
            }

            Console.WriteLine(string.Create(invariant, $"| dle rmse | {cap:N0} | {ms:0} | {expected:0.0000} | {worst:0.0000} ({worst / full:0.0%}) | {Sd(differences):0.0000} |"));
        }
    }

    /// <summary>The bootstrap standard error of the rows' auc, as the decomposition draws it (the reference's stratified by label).</summary>
    private static double StandardError(WeightedBinaryRows rows, bool stratified)
    {
        var bootstrap = new RowBootstrap(0, RowBootstrap.CurrentStream, rows.Count, stratified ? [.. rows.Positive.Select(p => (int)p)] : null, 2);
        var replicates = Enumerable.Range(0, RowBootstrap.Replicates).Select(b => rows.Metric(MetricNames.Auc, bootstrap.Draw(b))).ToArray();
        return RowBootstrap.StandardError(replicates, bootstrap.Scale);
    }

    private static double Sd(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>A model whose stored score is its honest probability, overconfident (the logit doubled) or squared.</summary>
    private static (double[] Score, bool[] Label) Binary(int rows, double shift, string scores, int seed)
    {
        var random = new Random(seed);
        var score = new double[rows];
        var label = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            var signal = 0.0;
            for (var f = 0; f < Features; f++)
            {
                signal += (shift + Normal(random)) / Features;
            }

            var p = 1 / (1 + Math.Exp(-4 * signal));
            score[r] = scores switch
            {
                "overconfident" => 1 / (1 + Math.Exp(-8 * signal)),
                "squared" => p * p,
                _ => p,
            };
            label[r] = random.NextDouble() < p;
        }

        return (score, label);
    }

    private static DataTable Regression(int rows, double shift, int seed)
    {
        var random = new Random(seed);
        var features = Enumerable.Range(0, Features).Select(_ => new double[rows]).ToArray();
        var label = new double[rows];
        var prediction = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var signal = 0.0;
            for (var f = 0; f < Features; f++)
            {
                features[f][r] = shift + Normal(random);
                signal += features[f][r] / Features;
            }

            prediction[r] = 3 * signal;
            label[r] = prediction[r] + (Normal(random) * (0.5 + Math.Abs(features[0][r])));
        }

        return new DataTable(seed == 3 ? "reference.csv" : "current.csv", [.. features.Select((v, f) => new NumericColumn(Name(f), v)), new NumericColumn("y", label), new NumericColumn("prediction", prediction)], rows);
    }

    private static double[] Values(DataTable table, string name) => ((NumericColumn)table.Find(name)!).Values;

    private static double Square(double x) => x * x;

    private static string Name(int i) => "f" + i.ToString(CultureInfo.InvariantCulture);

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
