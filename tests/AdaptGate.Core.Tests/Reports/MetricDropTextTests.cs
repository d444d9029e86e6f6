using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Reports;

public sealed class MetricDropTextTests
{
    [Theory]
    [InlineData("auc", 0.9763, 0.0177, "+0.0177")]
    [InlineData("auc", 0.9, -0.005, "-0.005")]
    [InlineData("accuracy", 0.9, 0.00002, "+2E-5")]
    [InlineData("log-loss", 0.2663, 0.0689, "+6.9%")]
    [InlineData("rmse", 10, 11.8432, "+1184.3%")]
    [InlineData("rmse", 10, -0.25, "-25.0%")]
    [InlineData("mae", 0, 0.5, "+0.5")]
    [InlineData("rmse", 3, 0, "0%")]
    public void A_drop_carries_its_unit_and_direction(string metric, double baseline, double drop, string expected) =>
        Assert.Equal(expected, MetricDropText.For(metric, baseline, drop));

    [Fact]
    public void No_drop_reads_as_a_dash() => Assert.Equal("-", MetricDropText.For("auc", null, null));

    [Theory]
    [InlineData(0.015, false, "0.015")]
    [InlineData(0.1, true, "10%")]
    public void Thresholds_share_the_unit_without_a_sign(double threshold, bool relative, string expected) =>
        Assert.Equal(expected, MetricDropText.Threshold(threshold, relative));
}
