using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>A metric's drop reads the same, with its unit, in the reasons, the metrics line and the table of every format.</summary>
public sealed class DropUnitsTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void A_relative_drop_is_a_signed_percentage_everywhere_and_an_absolute_one_a_signed_number(string format)
    {
        using var dir = new TempDir();
        var reference = dir.File("reference.csv", Csv());
        var current = dir.File("current.csv", Csv());
        var baseline = dir.File("baseline.json", """{"rmse": 10, "mae": 8, "r2": 0.9}""");
        var metrics = dir.File("metrics.json", """{"rmse": 128.432, "mae": 8.4, "r2": 0.8823}""");
        var json = Path.Combine(dir.Path, "report.json");

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--metrics", metrics, "--baseline-metrics", baseline, "--format", format, "--json", json, "--no-history");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var output = run.Stdout;

        // rmse: (128.432 − 10) / 10 = 11.8432, i.e. +1184.3% of the baseline, said the same in the reason and the metrics line.
        Assert.Contains("rmse went from 10 to 128.432 (relative drop +1184.3%)", output, StringComparison.Ordinal);
        Assert.Contains("relative drop +1184.3%.", output.Replace("relative drop +1184.3% (source", "relative drop +1184.3%.", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("11.8432", output, StringComparison.Ordinal);
        Assert.Contains("Drop (abs / rel %)", output, StringComparison.Ordinal);
        Assert.Contains("+5.0%", output, StringComparison.Ordinal);
        Assert.Contains("+0.0177", output, StringComparison.Ordinal);

        // The JSON keeps the plain number and says its kind.
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var section = report.RootElement.GetProperty("metrics");
        Assert.Equal(11.8432, section.GetProperty("drop").GetDouble(), 12);
        Assert.Equal("relative", section.GetProperty("dropKind").GetString());
        Assert.Contains("relative drop +1184.3%", report.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("message").GetString()!).First(m => m.Contains("rmse", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static string Csv() =>
        "x\n" + string.Join('\n', Enumerable.Range(0, 600).Select(i => (i % 9).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\n";
}
