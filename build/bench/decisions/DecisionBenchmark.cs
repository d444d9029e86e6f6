using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Bench.Decisions;

/// <summary>
/// Runs one scenario end to end, as a user would: files on disk, a model trained on the reference,
/// then (1) the oracle: skip, fine-tune and retrain measured on fresh current data, the cheapest
/// within <see cref="Tolerance"/> of the best wins; (2) <c>adaptgate check</c> with the default policy
/// and the model, so metrics decide.
/// </summary>
public static class DecisionBenchmark
{
    public const double Tolerance = 0.01;

    /// <summary>
    /// Each scenario and run draws from its own seeds: with one seed shared by all scenarios, one lucky
    /// draw of the current sample would tilt every scenario the same way.
    /// </summary>
    public static int SeedOf(int scenario, int run) => (1000 * run) + (100 * scenario);

    /// <param name="otherPolicyPath">A policy for a second check beside the default one (the streak variants replay the old streak limit).</param>
    public static ScenarioOutcome Run(Scenario scenario, string folder, int seed = 0, string? otherPolicyPath = null)
    {
        Directory.CreateDirectory(folder);
        var file = (string name) => Path.Combine(folder, name);
        var referenceRows = scenario.Reference.Sample(scenario.ReferenceRows, seed + 1);
        var reference = ScenarioFiles.Write(file("reference.csv"), referenceRows);
        var current = ScenarioFiles.Write(file("current.csv"), scenario.Current.Sample(scenario.CurrentRows, seed + 2), scenario.RemovedColumn);
        var fresh = ScenarioFiles.Write(file("fresh.csv"), scenario.Current.Sample(scenario.FreshRows, seed + 3), scenario.RemovedColumn);
        var model = ScenarioModel.Train(referenceRows, file("model.zip"), scenario.Trainer);
        var history = file("history.jsonl");
        File.Delete(history);

        // A user keeps the metrics the model was accepted with (its validation score) and passes them as
        // the baseline, as the check's optimistic-baseline warning asks: the model's score on its own
        // training rows is both optimistic and, on a few thousand rows, noisy by about 0.01 auc.
        var baselineMetrics = AcceptedMetrics(model, scenario.Reference.Sample(scenario.FreshRows, seed + 4), file("accepted.csv"), file("baseline-metrics.json"));
        if (scenario.History is { } batches)
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var batch = ScenarioFiles.Write(file($"batch-{i + 1}.csv"), batches[i].World.Sample(batches[i].Rows, seed + 10 + i));
                var next = file($"model-{i + 1}.zip");
                AdaptRunner.Run(new AdaptRequest
                {
                    ModelPath = model, ReferencePath = reference, CurrentPath = batch, LabelColumn = "Label",
                    Action = AdaptAction.FineTune, OutputPath = next, Holdout = 0, HistoryPath = history,
                });
                model = next;
            }
        }

        var oracle = AdaptRunner.Run(new AdaptRequest
        {
            ModelPath = model, ReferencePath = reference, CurrentPath = current, ValidationPath = fresh, LabelColumn = "Label",
            Action = AdaptAction.Compare, Holdout = 0, Tolerance = Tolerance, RecordHistory = false,
        }).Adaptation;

        var request = new CheckRequest
        {
            ReferencePath = reference, CurrentPath = current, LabelColumn = "Label", ModelPath = model,
            BaselineMetricsPath = baselineMetrics, HistoryPath = history, RecordHistory = false,
        };
        var check = CheckRunner.Run(request);
        var other = otherPolicyPath is null ? null : CheckRunner.Run(request with { PolicyPath = otherPolicyPath });

        double Metric(Verdict action) => oracle.Candidates.Single(c => c.Action == action).Current ?? double.NaN;
        return new ScenarioOutcome(
            scenario, oracle.Recommended!.Value, check.Verdict,
            Metric(Verdict.Skip), Metric(Verdict.FineTune), Metric(Verdict.Retrain),
            check.Metrics?.Drop, check.Drift.Share, check.Reasons.Select(r => r.Rule).ToArray())
        {
            OtherPolicy = other is null ? null : (other.Verdict, other.Reasons.Select(r => r.Rule).ToArray()),
        };
    }

    private static string AcceptedMetrics(string model, ScenarioRow[] validation, string csv, string json)
    {
        ScenarioFiles.Write(csv, validation);
        var metrics = ModelEvaluator.Evaluate(model, Core.Data.TableReader.Read(csv), "Label", task: null, CancellationToken.None);
        var auc = metrics.Values[MetricNames.Auc].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(json, $"{{\"auc\": {auc}}}\n");
        return json;
    }
}
