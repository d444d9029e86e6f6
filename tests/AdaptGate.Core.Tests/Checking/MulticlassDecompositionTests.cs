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
