using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>
/// Direct loss estimation against a known truth: y = 2x + noise whose spread grows with |x|, and a model that predicts
/// 2x exactly. Moving to rows of larger |x| raises the error without any change of concept; adding 1.5 to y changes the
/// concept without moving the rows.
/// </summary>
public sealed class RegressionDecompositionTests
{
    private static readonly CheckRequest Request = new()
    {
        ReferencePath = "reference.csv", CurrentPath = "current.csv", LabelColumn = "y", PredictionColumn = "prediction", Task = AdaptGate.Core.Metrics.MetricTask.Regression,
    };

    [Fact]
    public void Rows_moving_into_a_noisier_region_raise_the_expected_error_and_leave_no_concept_part()
    {
        var reference = Table(4000, low: -2, high: 2, offset: 0, seed: 1);
        var harder = Table(2000, low: 1, high: 2, offset: 0, seed: 2);

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, harder);
        var metrics = report.Metrics!;
        var parts = metrics.Decomposition!;

        Assert.Equal(("dle", "rmse"), (parts.Method, parts.Metric));
        Assert.True(metrics.Drop > 0.3, $"the harder rows should raise the rmse by far more than noise (drop {metrics.Drop})");

        // The truth: the concept did not change, so the whole drop is the inputs'.
        Assert.InRange(parts.Concept!.Low, double.NegativeInfinity, 0);
        Assert.InRange(parts.Concept.High, 0, double.PositiveInfinity);
        Assert.InRange(parts.Covariate.Value, metrics.Drop * 0.75, metrics.Drop * 1.25);

        // Both parts are relative to the baseline, as the drop is, so they add up to it.
        Assert.Equal(metrics.Drop, parts.Covariate.Value + parts.Concept.Value, precision: 9);
        Assert.Null(parts.Calibration);
    }

    [Fact]
    public void A_changed_concept_on_the_same_rows_is_the_concept_part_and_not_the_covariate_part()
    {
        var reference = Table(4000, low: -2, high: 2, offset: 0, seed: 3);
        var changed = Table(2000, low: -2, high: 2, offset: 1.5, seed: 4);

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, changed);
        var metrics = report.Metrics!;
        var parts = metrics.Decomposition!;

        Assert.True(metrics.Drop > 0.2, $"the offset should raise the rmse (drop {metrics.Drop})");
        Assert.InRange(parts.Covariate.Low, double.NegativeInfinity, 0);
        Assert.InRange(parts.Covariate.High, 0, double.PositiveInfinity);
        Assert.True(parts.Concept!.Low > 0, $"the concept part should be credibly positive ({parts.Concept})");
        Assert.Equal(metrics.Drop, parts.Covariate.Value + parts.Concept.Value, precision: 9);
    }

    [Fact]
    public void Without_current_labels_the_expected_error_stands_and_the_concept_part_is_null()
    {
        var reference = Table(4000, low: -2, high: 2, offset: 0, seed: 5);
        var harder = Table(2000, low: 1, high: 2, offset: 0, seed: 6);
        var unlabelled = new DataTable("current.csv", [harder.Find("x")!, harder.Find("prediction")!], harder.RowCount);
        var expected = CheckRunner.Compare(Request, new GatePolicy(), reference, harder).Metrics!.Decomposition!;

        var parts = RegressionDecomposer.Decompose(
            new CheckSettings(new GatePolicy(), Request), reference, unlabelled,
            CheckRunner.Compare(Request, new GatePolicy(), reference, harder).Metrics!, ["x"], CancellationToken.None)!;

        Assert.Null(parts.Concept);
        Assert.Equal(expected.Expected, parts.Expected, precision: 12);
    }

    private static DataTable Table(int rows, double low, double high, double offset, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        var prediction = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = low + ((high - low) * random.NextDouble());
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            prediction[i] = 2 * x[i];
            y[i] = prediction[i] + offset + (noise * (0.2 + Math.Abs(x[i])));
        }

        return new DataTable(seed % 2 == 1 ? "reference.csv" : "current.csv", [new NumericColumn("x", x), new NumericColumn("y", y), new NumericColumn("prediction", prediction)], rows);
    }
}
