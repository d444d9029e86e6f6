using System.Diagnostics;
using System.Globalization;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Policy;

namespace AdaptGate.Bench.Decisions;

/// <summary>
/// What the covariate / concept decomposition adds to a large check (docs/decisions.md): a binary model with stored
/// probabilities (confidence-based estimation) and a regression model with stored predictions (direct loss
/// estimation), on generated rows × 25 numeric features, each check timed whole (in memory, so without the files'
/// reading, which only makes the share smaller) beside the decomposition alone, in the same run.
/// </summary>
internal static class DecompositionCost
{
    private const int Features = 25;

    public static int Run(int rows)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"| model | rows | check (ms) | decomposition (ms) | share of the check without it |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var task in new[] { MetricTask.Binary, MetricTask.Regression })
        {
            var reference = Table(rows, shift: 0, task, seed: 1);
            var current = Table(rows, shift: 0.3, task, seed: 2);
            var request = new CheckRequest
            {
                ReferencePath = "reference.csv", CurrentPath = "current.csv", LabelColumn = "y", PredictionColumn = "prediction",
                ProbabilityColumn = task == MetricTask.Binary ? "probability" : null, Task = task, RecordHistory = false,
            };
            var policy = new GatePolicy();

            // One warm-up run so the timed ones do not pay for loading and compiling.
            var report = CheckRunner.Compare(request, policy, reference, current);
            var check = Stopwatch.StartNew();
            report = CheckRunner.Compare(request, policy, reference, current);
            check.Stop();
            var settings = new CheckSettings(policy, request);
            var decomposition = Stopwatch.StartNew();
            _ = task == MetricTask.Binary
                ? PerformanceDecomposer.Decompose(settings, reference, current, report.Metrics!)
                : RegressionDecomposer.Decompose(settings, reference, current, report.Metrics!, [.. Enumerable.Range(0, Features).Select(Name)], CancellationToken.None);
            decomposition.Stop();
            var without = check.Elapsed.TotalMilliseconds - decomposition.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(invariant,
                $"| {(task == MetricTask.Binary ? "binary, cbpe" : "regression, dle")} | {rows:N0} | {check.Elapsed.TotalMilliseconds:0} | {decomposition.Elapsed.TotalMilliseconds:0} | {decomposition.Elapsed.TotalMilliseconds / without:0.0%} |"));
        }

        Console.WriteLine($"Load average: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores.");
        return 0;
    }

    private static string Name(int i) => "f" + i.ToString(CultureInfo.InvariantCulture);

    private static DataTable Table(int rows, double shift, MetricTask task, int seed)
    {
        var random = new Random(seed);
        var features = Enumerable.Range(0, Features).Select(_ => new double[rows]).ToArray();
        var label = new double[rows];
        var prediction = new double[rows];
        var probability = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var signal = 0.0;
            for (var f = 0; f < Features; f++)
            {
                features[f][r] = shift + Normal(random);
                signal += features[f][r] / Features;
            }

            if (task == MetricTask.Binary)
            {
                probability[r] = 1 / (1 + Math.Exp(-4 * signal));
                prediction[r] = probability[r] >= 0.5 ? 1 : 0;
                label[r] = random.NextDouble() < probability[r] ? 1 : 0;
            }
            else
            {
                prediction[r] = 3 * signal;
                label[r] = prediction[r] + Normal(random);
            }
        }

        List<DataColumn> columns = [.. features.Select((v, f) => new NumericColumn(Name(f), v)), new NumericColumn("y", label), new NumericColumn("prediction", prediction)];
        if (task == MetricTask.Binary)
        {
            columns.Add(new NumericColumn("probability", probability));
        }

        return new DataTable(seed == 1 ? "reference.csv" : "current.csv", columns, rows);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
