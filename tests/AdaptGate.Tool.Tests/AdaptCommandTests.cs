using System.Text.Json.Nodes;
using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaptGate.Tool.Tests;

/// <summary><c>adaptgate adapt</c> end to end on real ML.NET models trained by <see cref="AdaptData"/>.</summary>
public sealed class AdaptCommandTests : IClassFixture<AdaptCommandTests.Files>
{
    private readonly AdaptData _data;

    public AdaptCommandTests(Files files) => _data = files.Data;

    public sealed class Files : IDisposable
    {
        internal AdaptData Data { get; } = new();

        public void Dispose() => Data.Dispose();
    }

    [Fact]
    public void Fine_tune_keeps_the_featurizer_changes_the_weights_and_improves_on_the_shifted_data()
    {
        var output = _data.PathOf("fine-tuned.zip");
        var run = Adapt("--action", "fine-tune", "--output", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(output), run.Stderr);
        Assert.True(Auc(output) > Auc(_data.LinearModel) + 0.02, $"fine-tuned {Auc(output)}, old {Auc(_data.LinearModel)}");

        var (oldPrefix, oldWeights) = Anatomy(_data.LinearModel);
        var (newPrefix, newWeights) = Anatomy(output);
        Assert.Equal(oldPrefix, newPrefix);
        Assert.NotEqual(oldWeights, newWeights);
    }

    [Fact]
    public void Retrain_trains_the_same_family_from_scratch_on_reference_and_current()
    {
        var output = _data.PathOf("retrained.zip");
        var run = Adapt("--action", "retrain", "--output", output, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var report = AdaptJsonFormat.Read(run.Stdout).Adaptation;
        Assert.Equal(Verdict.Retrain, report.Performed);
        Assert.Equal("lbfgs-logistic-regression", report.Model.Trainer);
        var retrain = Assert.Single(report.Candidates, c => c.Action == Verdict.Retrain);
        Assert.Equal(("trained", report.Rows.ReferenceTrain, report.Rows.CurrentTrain), (retrain.Status, retrain.ReferenceRows, retrain.CurrentRows));
        Assert.Equal(2400, report.Rows.ReferenceTrain);
        Assert.Equal(1200, report.Rows.CurrentTrain);
        Assert.True(Auc(output) > Auc(_data.LinearModel));
    }

    [Fact]
    public void Compare_measures_every_candidate_on_both_held_out_slices_and_is_deterministic_but_for_wall_time()
    {
        var first = Adapt("--action", "compare", "--format", "json");
        var second = Adapt("--action", "compare", "--format", "json");

        Assert.Equal(0, first.ExitCode);
        var report = AdaptJsonFormat.Read(first.Stdout).Adaptation;
        Assert.Equal([Verdict.Skip, Verdict.FineTune, Verdict.Retrain], report.Candidates.Select(c => c.Action));
        Assert.All(report.Candidates, c => Assert.NotNull(c.Current));
        Assert.All(report.Candidates, c => Assert.NotNull(c.Reference));
        Assert.All(report.Candidates.Skip(1), c => Assert.True(c.Seconds > 0));
        Assert.Equal(240, report.Candidates[1].ReferenceRows); // replay 0.2 × 1,200 current training rows
        Assert.Equal(600, report.Rows.ReferenceHoldout);
        Assert.NotEqual(Verdict.Skip, report.Recommended);
        Assert.Null(report.Output);
        Assert.Equal(WithoutSeconds(first.Stdout), WithoutSeconds(second.Stdout));
        Assert.Contains("recommended", Adapt("--action", "compare").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Forgetting_is_measured_out_of_sample_on_reference_validation_rows_and_said_to_be_in_sample_without_them()
    {
        var inSample = Adapt("--action", "compare", "--format", "json");
        var outOfSample = Adapt("--action", "compare", "--format", "json", "--reference-validation", _data.Same);

        Assert.True(outOfSample.ExitCode == 0, outOfSample.Stderr);
        var without = AdaptJsonFormat.Read(inSample.Stdout).Adaptation;
        var with = AdaptJsonFormat.Read(outOfSample.Stdout).Adaptation;
        Assert.Equal("in-sample", without.ForgettingBaseline);
        Assert.Equal("out-of-sample", with.ForgettingBaseline);

        // The reference is trained on whole, and forgetting is measured on the 1,500 rows the original model never saw.
        Assert.Equal((3000, 1500), (with.Rows.ReferenceTrain, with.Rows.ReferenceHoldout));
        var unchangedOnSame = ModelEvaluator.Evaluate(_data.LinearModel, TableReader.Read(_data.Same), "Label", task: null, CancellationToken.None).Values[MetricNames.Auc];
        Assert.Equal(unchangedOnSame, with.Candidates[0].Reference!.Value, 1e-9);
        var retrain = with.Candidates.Single(c => c.Action == Verdict.Retrain);
        Assert.Equal(unchangedOnSame - retrain.Reference!.Value, retrain.Forgetting!.Value, 1e-9);

        var text = Adapt("--action", "compare").Stdout;
        Assert.Contains("which is in-sample (it was trained on them): pass --reference-validation", text, StringComparison.Ordinal);
        Assert.Contains("Forgetting: on the 1,500 --reference-validation rows", Adapt("--action", "compare", "--reference-validation", _data.Same).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_models_recommendation_tolerance_is_relative_to_the_best_rmse()
    {
        var folder = _data.PathOf("tolerance");
        Directory.CreateDirectory(folder);
        var model = TrainedModels.TrainRegression(folder, TrainedModels.PriceRows(1500, seed: 3));
        var reference = TrainedModels.WriteCsv(Path.Combine(folder, "reference.csv"), TrainedModels.PriceRows(1500, seed: 3));
        var current = TrainedModels.WriteCsv(Path.Combine(folder, "current.csv"), TrainedModels.PriceRows(1500, seed: 4, offset: 60));

        var run = CliRun.Of("adapt", "--model", model, "--reference", reference, "--current", current, "--label", "Price", "--action", "compare", "--format", "json", "--no-history");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = AdaptJsonFormat.Read(run.Stdout).Adaptation;
        Assert.Equal("rmse", report.Primary);
        Assert.Equal((0.02, "relative"), (report.Settings.Tolerance, report.Settings.ToleranceKind));
        Assert.Contains("within 2% of the best rmse", report.Reason, StringComparison.Ordinal);
        var best = report.Candidates.Where(c => c.Current is not null).Min(c => c.Current!.Value);
        var expected = report.Candidates.Where(c => c.Current is { } v && v - best <= 0.02 * best).Min(c => c.Action);
        Assert.Equal(expected, report.Recommended);

        var absolute = AdaptJsonFormat.Read(Adapt("--action", "compare", "--format", "json").Stdout).Adaptation.Settings;
        Assert.Equal((0.01, "absolute"), (absolute.Tolerance, absolute.ToleranceKind));
    }

    [Fact]
    public void A_rerun_adapt_on_the_same_files_counts_one_fine_tune()
    {
        var history = _data.PathOf($"history-{Guid.NewGuid():N}.jsonl");
        string[] adapt = ["adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Current, "--label", "Label",
            "--action", "fine-tune", "--output", _data.PathOf("rerun.zip"), "--history", history];

        Assert.Equal(0, CliRun.Of(adapt).ExitCode);
        Assert.Equal(0, CliRun.Of(adapt).ExitCode);
        var check = CliRun.Of("check", "-r", _data.Reference, "-c", _data.Fresh, "-f", "json", "--history", history, "--no-history");

        Assert.Equal(2, File.ReadAllLines(history).Length);
        using var json = System.Text.Json.JsonDocument.Parse(check.Stdout);
        var section = json.RootElement.GetProperty("history");
        Assert.Equal(1, section.GetProperty("fineTunesSinceLastRetrain").GetInt32());
        Assert.Equal("actions", section.GetProperty("countedFrom").GetString());
        Assert.Equal([2L], section.GetProperty("repeats").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public void Fine_tuning_a_tree_model_is_refused_with_exit_2_naming_retrain()
    {
        var run = AdaptModel(_data.TreeModel, "--action", "fine-tune", "--output", _data.PathOf("never.zip"));

        // The sentence names the family readably (not FeatureWeightsCalibratedModelParameters`2) and the hint is a sentence of its own.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FastTree (a tree ensemble) cannot continue training", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("from scratch, so a fine-tune has no weights to start from. Use --action retrain, which trains a new FastTree", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("`", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ModelParameters", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.PathOf("never.zip")));
    }

    [Fact]
    public void The_adapted_model_never_replaces_the_model_or_the_data()
    {
        var copy = _data.PathOf("model-copy.zip");
        File.Copy(_data.LinearModel, copy, overwrite: true);
        var before = File.ReadAllBytes(copy);
        var current = File.ReadAllBytes(_data.Current);
        var reference = File.ReadAllBytes(_data.Reference);

        var overModel = AdaptModel(copy, "--action", "retrain", "--output", copy);
        var overData = Adapt("--action", "retrain", "--output", _data.Current);
        var reportOverData = Adapt("--action", "retrain", "--report", _data.Reference);

        Assert.Equal(2, overModel.ExitCode);
        Assert.Contains("The adapted model (--output) would overwrite the model (--model)", overModel.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.Equal(2, overData.ExitCode);
        Assert.Contains("the current data (--current)", overData.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, reportOverData.ExitCode);
        Assert.Contains("The report (--report) would overwrite the reference data (--reference)", reportOverData.Stderr, StringComparison.Ordinal);
        Assert.Equal(current, File.ReadAllBytes(_data.Current));
        Assert.Equal(reference, File.ReadAllBytes(_data.Reference));
    }

    [Fact]
    public void The_adapted_model_is_written_through_a_symbolic_link_to_its_target()
    {
        var target = _data.PathOf("deployed.zip");
        var link = _data.PathOf("deployed-link.zip");
        File.WriteAllText(target, "old");
        File.Delete(link);
        File.CreateSymbolicLink(link, target);

        var run = Adapt("--action", "retrain", "--output", link);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.True(new FileInfo(target).Length > 1000);
    }

    [Fact]
    public void A_tree_model_can_be_retrained()
    {
        var output = _data.PathOf("tree-retrained.zip");
        var run = AdaptModel(_data.TreeModel, "--action", "retrain", "--output", output, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("fast-tree-binary", AdaptJsonFormat.Read(run.Stdout).Adaptation.Model.Trainer);
        Assert.True(Auc(output) > Auc(_data.TreeModel));
    }

    [Fact]
    public void Auto_carries_out_the_checks_verdict()
    {
        var adapted = _data.PathOf("auto-shifted.zip");
        var shifted = AdaptJsonFormat.Read(Adapt("--action", "auto", "--output", adapted, "--format", "json").Stdout);
        Assert.NotNull(shifted.Check);
        Assert.NotEqual(Verdict.Skip, shifted.Check!.Verdict);
        Assert.Equal(shifted.Check.Verdict, shifted.Adaptation.Performed);
        Assert.True(File.Exists(adapted));

        var unchanged = _data.PathOf("auto-same.zip");
        var same = CliRun.Of("adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Same,
            "--label", "Label", "--output", unchanged, "--no-history", "--format", "json");
        var report = AdaptJsonFormat.Read(same.Stdout);
        Assert.Equal(Verdict.Skip, report.Check!.Verdict);
        Assert.Equal(Verdict.Skip, report.Adaptation.Performed);
        Assert.Null(report.Adaptation.Output);
        Assert.False(File.Exists(unchanged));
        Assert.Contains("no model is written", report.Adaptation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_is_replaced_whole_and_left_alone_when_the_run_fails()
    {
        var folder = _data.PathOf("atomic");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "model.zip");
        File.WriteAllText(output, "previous");

        var failed = Adapt("--action", "retrain", "--output", output, "--label", "Nope");
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal("previous", File.ReadAllText(output));

        Assert.Equal(0, Adapt("--action", "retrain", "--output", output).ExitCode);
        Assert.True(Auc(output) > 0.5);
        Assert.Equal(["model.zip"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_label_column_is_bad_input_naming_the_file()
    {
        var run = Adapt("--action", "retrain", "--label", "Outcome");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("reference.csv", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'Outcome'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_bad_input()
    {
        var run = AdaptModel(_data.Reference, "--action", "fine-tune");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not an ML.NET model", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_options_are_bad_input()
    {
        Assert.Equal(2, Adapt("--holdout", "0.9").ExitCode);
        Assert.Equal(2, Adapt("--replay", "-1").ExitCode);
        Assert.Equal(2, Adapt("--action", "sometimes").ExitCode);
    }

    [Fact]
    public void A_spent_budget_writes_nothing_and_exits_1()
    {
        var output = _data.PathOf("late.zip");
        var run = Adapt("--action", "retrain", "--output", output, "--budget-seconds", "0.000001", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var report = AdaptJsonFormat.Read(run.Stdout).Adaptation;
        Assert.False(report.Completed);
        Assert.Contains(report.Candidates, c => c.Action == Verdict.Retrain && c.Status is "not-run" or "stopped");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_text_label_takes_its_positive_class_in_check_with_a_model_and_in_adapt()
    {
        // The same rows with the label written as words: "defaulted" is the event the model predicts (true).
        var reference = WithWordLabels(_data.Reference);
        var current = WithWordLabels(_data.Current);
        string[] check = ["check", "-r", reference, "-c", current, "--model", _data.LinearModel, "--label", "Label", "--no-history", "-f", "json"];

        var unnamed = CliRun.Of(check);
        var named = CliRun.Of([.. check, "--positive-class", "defaulted"]);
        var boolean = CliRun.Of(["check", "-r", _data.Reference, "-c", _data.Current, "--model", _data.LinearModel, "--label", "Label", "--no-history", "-f", "json"]);

        Assert.Equal(2, unnamed.ExitCode);
        Assert.Contains("cannot tell which label value is the positive class (repaid, defaulted)", unnamed.Stderr, StringComparison.Ordinal);
        Assert.Contains("--positive-class", unnamed.Stderr, StringComparison.Ordinal);
        Assert.True(named.ExitCode == 0, named.Stderr);
        Assert.Equal(Metrics(boolean.Stdout), Metrics(named.Stdout));

        var adaptWords = CliRun.Of(["adapt", "--model", _data.LinearModel, "--reference", reference, "--current", current, "--label", "Label",
            "--positive-class", "defaulted", "--action", "compare", "--no-history", "--format", "json"]);
        var adaptBoolean = Adapt("--action", "compare", "--format", "json");

        Assert.True(adaptWords.ExitCode == 0, adaptWords.Stderr);
        Assert.Equal(Candidates(adaptBoolean.Stdout), Candidates(adaptWords.Stdout));

        static string Metrics(string json) => JsonNode.Parse(json)!["metrics"]!.ToJsonString();

        static string Candidates(string json) =>
            string.Join("; ", AdaptJsonFormat.Read(json).Adaptation.Candidates.Select(c => $"{c.Action} {c.Status} {c.Current:R} {c.Reference:R}"));
    }

    [Fact]
    public void A_bad_label_value_is_named_at_its_line_before_any_training()
    {
        // Data row 9 (line 11) says "maybe"; a blank line above it moves it to line 12.
        var lines = File.ReadAllLines(_data.Current).ToList();
        lines[10] = lines[10][..lines[10].LastIndexOf(',')] + ",maybe";
        lines.Insert(5, string.Empty);
        var third = _data.PathOf("current-maybe.csv");
        File.WriteAllLines(third, lines);

        // The current file spells the positive class "yes" where the reference says "true".
        var yes = _data.PathOf("current-yes.csv");
        File.WriteAllLines(yes, File.ReadAllLines(_data.Current).Select(l => l.EndsWith(",true", StringComparison.Ordinal) ? l[..^4] + "yes" : l));
        var firstYes = File.ReadAllLines(yes).ToList().FindIndex(l => l.EndsWith(",yes", StringComparison.Ordinal)) + 1;

        var thirdRun = AdaptFile(third);
        var yesRun = AdaptFile(yes);

        Assert.Equal(2, thirdRun.ExitCode);
        Assert.True(thirdRun.Stderr.Contains($"{third}:12: column 'Label': a binary label has two values, this one has more (false, true, maybe", StringComparison.Ordinal), thirdRun.Stderr);
        Assert.Equal(2, yesRun.ExitCode);
        Assert.True(yesRun.Stderr.Contains($"{yes}:{firstYes}: column 'Label': 'yes' is neither the positive class 'true' nor the negative class 'false'", StringComparison.Ordinal), yesRun.Stderr);
        Assert.False(File.Exists(_data.PathOf("never.zip")));

        CliRun AdaptFile(string current) => CliRun.Of(["adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", current,
            "--label", "Label", "--action", "fine-tune", "--no-history", "--output", _data.PathOf("never.zip")]);
    }

    private string WithWordLabels(string path)
    {
        var words = _data.PathOf(Path.GetFileNameWithoutExtension(path) + "-words.csv");
        File.WriteAllLines(words, File.ReadAllLines(path).Select(line => line.EndsWith(",true", StringComparison.Ordinal)
            ? line[..^4] + "defaulted"
            : line.EndsWith(",false", StringComparison.Ordinal) ? line[..^5] + "repaid" : line));
        return words;
    }

    private CliRun Adapt(params string[] options) => AdaptModel(_data.LinearModel, options);

    private CliRun AdaptModel(string model, params string[] options)
    {
        var label = options.Contains("--label") ? [] : new[] { "--label", "Label" };
        return CliRun.Of(["adapt", "--model", model, "--reference", _data.Reference, "--current", _data.Current, "--no-history", .. label, .. options]);
    }

    private double Auc(string model) =>
        ModelEvaluator.Evaluate(model, TableReader.Read(_data.Fresh), "Label", task: null, CancellationToken.None).Values[MetricNames.Auc];

    /// <summary>The featurizer's transformer types and output slots, and the predictor's weights.</summary>
    private static (string Prefix, float[] Weights) Anatomy(string path)
    {
        var ml = new MLContext(seed: 0);
        var parts = Flatten(ml.Model.Load(path, out var schema)).ToArray();
        var prefix = string.Join(",", parts[..^1].Select(p => p.GetType().Name)) + ":" + new TransformerChain<ITransformer>(parts[..^1]).GetOutputSchema(schema)["Features"].Type;
        var predictor = (ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>)parts[^1];
        return (prefix, predictor.Model.SubModel.Weights.ToArray());
    }

    // The original keeps One-hot encoding as a chain inside the chain; the adapted model keeps the same transformers flat.
    private static IEnumerable<ITransformer> Flatten(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [model];

    private static string WithoutSeconds(string json)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var candidate in node["adaptation"]!["candidates"]!.AsArray())
        {
            candidate!["seconds"] = null;
        }

        return node.ToJsonString();
    }
}
