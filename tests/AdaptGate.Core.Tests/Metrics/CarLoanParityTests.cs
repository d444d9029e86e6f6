using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>Stored-prediction metrics of the real car-loan samples (samples/car-loan) against scikit-learn's answers on the same files.</summary>
public sealed class CarLoanParityTests
{
    [Theory]
    [InlineData("reference.csv")]
    [InlineData("current-stable.csv")]
    [InlineData("current.csv")]
    public void Matches_sklearn_on_all_rows(string fileName)
    {
        var fixture = SklearnFixture.Load("car_loan.json");
        var expected = fixture.GetProperty("files").GetProperty(fileName);
        var columns = new PredictionColumns(
            fixture.GetProperty("label").GetString()!,
            fixture.GetProperty("prediction").GetString()!,
            fixture.GetProperty("probability").GetString()!);

        var result = StoredPredictionMetrics.Compute(TableReader.Read(SampleData.CarLoan(fileName)), columns, task: null);

        Assert.Equal(MetricTask.Binary, result.Task);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), result.RowsUsed);
        Assert.Equal(0, result.RowsSkipped);
        Tolerance.AssertMatches(expected.GetProperty("expected"), result.Values);
    }

    [Fact]
    public void Reference_auc_is_the_documented_0_97()
    {
        var table = TableReader.Read(SampleData.CarLoan("reference.csv"));
        var result = StoredPredictionMetrics.Compute(table, new PredictionColumns("repaid", "y_pred", "y_pred_proba"), MetricTask.Binary);
        Assert.InRange(result.Values[MetricNames.Auc], 0.96, 0.98);
        Assert.Equal("given: binary", result.TaskReason);
    }
}
