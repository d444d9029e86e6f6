using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>
/// Class probabilities against a known truth: three classes whose chances are a softmax of (−2x, 0, 2x), and a model
/// that stores exactly those chances and predicts the likeliest class. Rows near the boundaries are harder without any
/// change of concept; labels drawn from other chances are a changed concept.
/// </summary>
public sealed class MulticlassDecompositionTests
{
    private static readonly CheckRequest Request = new()
    {
        ReferencePath = "reference.csv", CurrentPath = "current.csv", LabelColumn = "species", PredictionColumn = "predicted",
        ProbabilityColumn = "p_*", Task = MetricTask.Multiclass,
    };

    [Fact]
    public void Class_probabilities_named_by_a_prefix_are_model_outputs_not_features()
    {
        var report = CheckRunner.Compare(Request, new GatePolicy(), Table(3000, spread: 2, flip: 0, seed: 1), Table(3000, spread: 2, flip: 0, seed: 2));

        Assert.Equal(["x"], report.Drift.Columns.Select(c => c.Name));
        Assert.Equal(
            report.Drift.Columns.Select(c => c.Name),
            CheckRunner.Compare(Request with { ProbabilityColumn = "p_a,p_b,p_c" }, new GatePolicy(), Table(3000, 2, 0, 1), Table(3000, 2, 0, 2)).Drift.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Class_probabilities_drift_as_model_outputs_scored_as_the_same_columns_would_be_as_features()
    {
        var (reference, current) = (Table(3000, spread: 2, flip: 0, seed: 15), Table(3000, spread: 0.4, flip: 0, seed: 16));
        var outputs = CheckRunner.Compare(Request, new GatePolicy(), reference, current).Target.ClassProbabilities;
        var asFeatures = CheckRunner.Compare(Request with { ProbabilityColumn = null }, new GatePolicy(), reference, current).Drift.Columns;

        Assert.Equal(["p_a", "p_b", "p_c"], outputs.Select(c => c.Name));
        Assert.All(outputs, c => Assert.Equal(asFeatures.Single(f => f.Name == c.Name).Score, c.Score));
        Assert.True(outputs.Single(c => c.Name == "p_b").Drifted, "crowding the boundaries moves the middle class's probability");
        Assert.Empty(CheckRunner.Compare(Request with { ProbabilityColumn = null, Task = null }, new GatePolicy(), reference, current).Target.ClassProbabilities);

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);
        var html = AdaptGate.Core.Reports.Html.HtmlReportFormat.Write(report);
        Assert.Contains("<tr><td>Probability</td><td>p_b</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"target-probability-2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_crowding_the_boundaries_lower_the_expected_accuracy_and_leave_no_concept_part()
    {
        var report = CheckRunner.Compare(Request, new GatePolicy(), Table(6000, spread: 2, flip: 0, seed: 3), Table(6000, spread: 0.4, flip: 0, seed: 4));
        var metrics = report.Metrics!;
        var parts = metrics.Decomposition!;

        Assert.Equal(("cbpe", "micro-accuracy"), (parts.Method, parts.Metric));
        Assert.True(metrics.Drop > 0.1, $"rows near the boundaries should be predicted worse (drop {metrics.Drop})");
        Assert.InRange(parts.Covariate.Value, metrics.Drop - 0.03, metrics.Drop + 0.03);
        Assert.InRange(0, parts.Concept!.Low, parts.Concept.High);
        Assert.Equal(metrics.Drop, parts.Covariate.Value + parts.Concept.Value, precision: 9);
        Assert.StartsWith("one-vs-rest: a ", parts.Calibration, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_drawn_from_other_chances_are_the_concept_part()
    {
        var report = CheckRunner.Compare(Request, new GatePolicy(), Table(6000, spread: 2, flip: 0, seed: 5), Table(6000, spread: 2, flip: 0.3, seed: 6));
        var parts = report.Metrics!.Decomposition!;

        Assert.InRange(0, parts.Covariate.Low, parts.Covariate.High);
        Assert.InRange(parts.Concept!.Value, 0.15, 0.25);
        Assert.True(parts.Concept.Low > 0.1, parts.Concept.ToString());
    }

    [Fact]
    public void Without_current_labels_the_class_probabilities_estimate_the_accuracy_and_cover_the_held_back_truth()
    {
        var reference = Table(6000, spread: 2, flip: 0, seed: 9);
        var current = Table(6000, spread: 0.4, flip: 0, seed: 10);
        var labeled = CheckRunner.Compare(Request, new GatePolicy(), reference, current).Metrics!;
        var estimated = CheckRunner.Compare(Request, new GatePolicy(), reference, WithoutLabels(current)).Metrics!;

        Assert.Equal(("estimated", "multiclass", "micro-accuracy"), (estimated.Source, estimated.Task, estimated.Primary));
        Assert.Equal(6000, estimated.CurrentRows);
        // The estimator the labeled check decomposes with: the label-free accuracy is its expected accuracy.
        Assert.Equal(labeled.Decomposition!.Expected, estimated.Current, 12);
        Assert.Equal(labeled.Baseline, estimated.Baseline);

        // The model stores the true chances, so the truth of the expectation is in the rows themselves: the mean
        // chance of the predicted class, and per class the chance of the class over the rows predicted it.
        var chances = new[] { "p_a", "p_b", "p_c" }.Select(n => ((NumericColumn)current.Find(n)!).Values).ToArray();
        var predicted = ((CategoricalColumn)current.Find("predicted")!).Codes;
        var micro = Enumerable.Range(0, 6000).Average(i => chances[predicted[i]][i]);
        var macro = Enumerable.Range(0, 3).Average(k => Enumerable.Range(0, 6000).Where(i => predicted[i] == k).Sum(i => chances[k][i]) / chances[k].Sum());
        // Within 0.02: the reference's isotonic steps are coarse where this current's rows crowd (near the boundaries).
        Assert.InRange(estimated.Current, micro - 0.02, micro + 0.02);
        var macroEstimate = estimated.Values.Single(v => v.Name == "macro-accuracy");
        Assert.InRange(macroEstimate.Current!.Value, macro - 0.02, macro + 0.02);
    }

    [Fact]
    public void The_label_free_intervals_cover_the_held_back_truth_about_as_often_as_their_level_says()
    {
        // 95% intervals over ten current samples with the concept unchanged: a miss or two is chance, three would not be (p ≈ 0.01).
        var reference = Table(3000, spread: 2, flip: 0, seed: 13);
        var covered = new Dictionary<string, int> { ["micro-accuracy"] = 0, ["macro-accuracy"] = 0 };
        for (var seed = 20; seed < 40; seed += 2)
        {
            var current = Table(3000, spread: 0.6, flip: 0, seed: seed);
            var truth = CheckRunner.Compare(Request, new GatePolicy(), reference, current).Metrics!;
            var estimate = CheckRunner.Compare(Request, new GatePolicy(), reference, WithoutLabels(current)).Metrics!;
            foreach (var name in covered.Keys)
            {
                var realized = truth.Values.Single(v => v.Name == name).Current!.Value;
                var interval = estimate.Values.Single(v => v.Name == name);
                covered[name] += interval.CurrentLow <= realized && realized <= interval.CurrentHigh ? 1 : 0;
            }
        }

        Assert.True(covered.Values.All(c => c >= 8), string.Join(", ", covered.Select(c => $"{c.Key} covered {c.Value} of 10")));
    }

    [Fact]
    public void Without_current_labels_one_probability_column_for_several_classes_says_to_name_one_per_class()
    {
        var error = Assert.Throws<InputException>(() =>
            CheckRunner.Compare(Request with { ProbabilityColumn = "p_a" }, new GatePolicy(), Table(300, 2, 0, 11), WithoutLabels(Table(300, 2, 0, 12))));

        Assert.Contains("estimated for classification only, from its probabilities (the reference's label is multiclass and --probability names one column)", error.Message, StringComparison.Ordinal);
        Assert.Contains("one probability column per class", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_matching_one_column_and_a_class_without_a_column_are_bad_input()
    {
        var one = Assert.Throws<InputException>(() => CheckRunner.Compare(Request with { ProbabilityColumn = "s*" }, new GatePolicy(), Table(300, 2, 0, 7), Table(300, 2, 0, 8)));
        Assert.Contains("The probability columns 's*' match only 'species'; a multiclass model has one per class.", one.Message, StringComparison.Ordinal);
        var none = Assert.Throws<InputException>(() => CheckRunner.Compare(Request with { ProbabilityColumn = "q_*" }, new GatePolicy(), Table(300, 2, 0, 7), Table(300, 2, 0, 8)));
        Assert.Contains("match no column", none.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<InputException>(() => CheckRunner.Compare(Request with { ProbabilityColumn = "p_a,p_b" }, new GatePolicy(), Table(300, 2, 0, 7), Table(300, 2, 0, 8)));
        Assert.Contains("The class 'c' has no probability column (the probability columns name the classes 'a', 'b')", missing.Message, StringComparison.Ordinal);
        Assert.Equal("reference.csv", missing.FilePath);
    }

    private static DataTable WithoutLabels(DataTable table) =>
        new(table.SourcePath, [.. table.Columns.Where(c => c.Name != "species")], table.RowCount);

    /// <param name="spread">The standard deviation of x: small crowds the rows near the class boundaries.</param>
    /// <param name="flip">The share of rows whose label is drawn uniformly instead: a changed concept.</param>
    private static DataTable Table(int rows, double spread, double flip, int seed)
    {
        var random = new Random(seed);
        string[] classes = ["a", "b", "c"];
        var x = new double[rows];
        var probabilities = classes.Select(_ => new double[rows]).ToArray();
        var label = new int[rows];
        var predicted = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = spread * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double[] logits = [-2 * x[i], 0, 2 * x[i]];
            var total = logits.Sum(Math.Exp);
            for (var k = 0; k < 3; k++)
            {
                probabilities[k][i] = Math.Exp(logits[k]) / total;
            }

            predicted[i] = Enumerable.Range(0, 3).MaxBy(k => probabilities[k][i]);
            var u = random.NextDouble();
            label[i] = random.NextDouble() < flip ? random.Next(3) : u < probabilities[0][i] ? 0 : u < probabilities[0][i] + probabilities[1][i] ? 1 : 2;
        }

        DataColumn[] columns =
        [
            new NumericColumn("x", x),
            new CategoricalColumn("species", label, classes),
            new CategoricalColumn("predicted", predicted, classes),
            .. classes.Select((c, k) => new NumericColumn("p_" + c, probabilities[k])),
        ];
        return new DataTable(seed % 2 == 1 ? "reference.csv" : "current.csv", columns, rows);
    }
}
