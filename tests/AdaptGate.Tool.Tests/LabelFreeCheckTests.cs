using AdaptGate.Core.Reports;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// A current file with the model's stored outputs and no labels (production, before the labels arrive): the
/// metrics are estimated from the probabilities, calibrated on the reference, and every output says so. The
/// car-loan sample's labels are held back to check the estimate against the truth.
/// </summary>
public sealed class LabelFreeCheckTests : IDisposable
{
    private static readonly string Samples = Path.Combine(RepoPaths.Root, "samples", "car-loan");
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Without_current_labels_the_metrics_are_the_confidence_based_estimate_and_say_so_everywhere()
    {
        var unlabeled = WithoutLabels("current.csv");
        var labeled = Check(Path.Combine(Samples, "current.csv"));
        var estimated = Check(unlabeled);

        var metrics = estimated.Metrics!;
        Assert.Equal(("estimated", "stored-predictions", "auc"), (metrics.Source, metrics.BaselineSource, metrics.Primary));
        Assert.Equal(5000, metrics.CurrentRows);
        // The same estimator the labeled check decomposes with: the label-free auc is its expected auc, digit for digit.
        Assert.Equal(labeled.Metrics!.Decomposition!.Expected, metrics.Current, 12);
        Assert.Equal(labeled.Metrics.Baseline, metrics.Baseline);
        Assert.Equal(["auc", "accuracy", "precision", "recall", "f1"], metrics.Values.Select(v => v.Name));
        Assert.InRange(metrics.Current, metrics.CurrentLow!.Value, metrics.CurrentHigh!.Value);
        Assert.Equal("delong+bootstrap", metrics.Values[0].IntervalMethod);
        Assert.Null(estimated.Target.Label);
        Assert.Contains(estimated.Warnings, w => w.StartsWith("The current file has no labels in 'repaid': its metrics are estimated", StringComparison.Ordinal));
        Assert.Contains(estimated.Rules, r => r.Detail.Contains("estimated without current labels", StringComparison.Ordinal));

        var text = CliRun.Of("check", "--reference", Path.Combine(Samples, "reference.csv"), "--current", unlabeled, "--policy", Path.Combine(Samples, "adaptgate.json"), "--no-history");
        Assert.Contains("Metrics (estimated; baseline: stored-predictions)", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_nothing_changed_the_estimate_covers_the_held_back_truth()
    {
        // Two halves of the same period: the concept holds by construction, so the realized metrics must fall in the estimate's intervals.
        var lines = File.ReadAllLines(Path.Combine(Samples, "reference.csv"));
        var first = _dir.File("first-half.csv", string.Join('\n', lines.Take(2501)) + "\n");
        var second = _dir.File("second-half.csv", string.Join('\n', lines.Take(1).Concat(lines.Skip(2501))) + "\n");
        var unlabeled = _dir.File("second-half-unlabeled.csv", string.Join('\n', File.ReadLines(second).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 7)))) + "\n");

        var truth = Check(second, first).Metrics!;
        var estimate = Check(unlabeled, first).Metrics!;

        Assert.Equal("estimated", estimate.Source);
        foreach (var name in new[] { "auc", "accuracy", "precision", "recall", "f1" })
        {
            var estimated = estimate.Values.Single(v => v.Name == name);
            var realized = truth.Values.Single(v => v.Name == name).Current!.Value;
            Assert.True(
                estimated.CurrentLow <= realized && realized <= estimated.CurrentHigh,
                $"{name}: realized {realized} outside the estimate's interval [{estimated.CurrentLow}, {estimated.CurrentHigh}] around {estimated.Current}");
        }
    }

    [Fact]
    public void Without_probabilities_there_is_nothing_to_estimate_from_and_the_message_says_what_to_pass()
    {
        var run = CliRun.Of("check", "--reference", Path.Combine(Samples, "reference.csv"), "--current", WithoutLabels("current.csv"),
            "--label", "repaid", "--prediction", "y_pred", "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("current.csv: column 'repaid': The current file has no labels in 'repaid', so its metrics can only be estimated", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pass --probability COLUMN", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_of_one_class_cannot_calibrate_an_estimate()
    {
        var lines = File.ReadAllLines(Path.Combine(Samples, "reference.csv"));
        var oneClass = _dir.File("one-class.csv", string.Join('\n', lines.Where((l, i) => i == 0 || l.Split(',')[7] == "1")) + "\n");
        var run = CliRun.Of("check", "--reference", oneClass, "--current", WithoutLabels("current.csv"),
            "--policy", Path.Combine(Samples, "adaptgate.json"), "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("one-class.csv", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_probability_outside_zero_and_one_is_named_at_its_line()
    {
        var lines = File.ReadAllLines(WithoutLabels("current.csv"));
        var cells = lines[3].Split(',');
        cells[^2] = "1.7";
        lines[3] = string.Join(',', cells);
        var bad = _dir.File("bad-probability.csv", string.Join('\n', lines) + "\n");

        var run = CliRun.Of("check", "--reference", Path.Combine(Samples, "reference.csv"), "--current", bad, "--policy", Path.Combine(Samples, "adaptgate.json"), "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad-probability.csv:4: column 'y_pred_proba': probability 1.7 is outside [0, 1]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_label_missing_from_the_current_file_cannot_be_estimated()
    {
        var reference = _dir.File("reference.csv", "x,price,predicted,score\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},{i * 2.5},{i * 2.4},0.5\n")));
        var current = _dir.File("current.csv", "x,predicted,score\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},{i * 2.4},0.5\n")));

        var run = CliRun.Of("check", "--reference", reference, "--current", current, "--label", "price", "--prediction", "predicted", "--probability", "score", "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("estimated for classification only, from its probabilities (the reference's label is regression)", run.Stderr, StringComparison.Ordinal);
    }

    private CheckReport Check(string current, string? reference = null)
    {
        var json = Path.Combine(_dir.Path, $"report-{Guid.NewGuid():N}.json");
        var run = CliRun.Of("check", "--reference", reference ?? Path.Combine(Samples, "reference.csv"), "--current", current, "--policy", Path.Combine(Samples, "adaptgate.json"), "--no-history", "--json", json);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonReportFormat.Read(File.ReadAllText(json), json);
    }

    /// <summary>The sample file with its last column (the label, repaid) cut off.</summary>
    private string WithoutLabels(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Samples, name)).Select(l => l[..l.LastIndexOf(',')]);
        return _dir.File("unlabeled-" + name, string.Join('\n', lines) + "\n");
    }
}
