using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Checking;

public sealed class ComparisonScheduleTests
{
    [Fact]
    public void HandsOutTheCostlyNumericColumnsFirstAndKeepsFileOrderOtherwise()
    {
        (DataColumn, DataColumn) Numeric(string name, int rows) => (new NumericColumn(name, new double[rows]), new NumericColumn(name, new double[rows]));
        (DataColumn, DataColumn) Categorical(string name, int rows) => (new CategoricalColumn(name, new int[rows], ["a"]), new CategoricalColumn(name, new int[rows], ["a"]));

        var pairs = new[] { Categorical("c0", 1000), Numeric("n0", 1000), Categorical("c1", 1000), Numeric("n1", 1000), Numeric("small", 10) };

        var order = ComparisonSchedule.LongestFirst(pairs);

        Assert.Equal([1, 3, 0, 2, 4], order);
    }
}
