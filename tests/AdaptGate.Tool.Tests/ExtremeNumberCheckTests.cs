using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>Finite numbers at the ends of double's range: the same verdict as in ordinary units, and always a JSON report.</summary>
public sealed class ExtremeNumberCheckTests
{
    private const int Rows = 1500;

    [Theory]
    [InlineData("1e160")]
    [InlineData("1e-200")]
    [InlineData("1e150")]
    public void The_verdict_and_scores_do_not_depend_on_the_unit(string factor)
    {
        using var dir = new TempDir();
        var scale = double.Parse(factor, CultureInfo.InvariantCulture);
        var plain = Check(dir, "plain", 1);
        var scaled = Check(dir, "scaled", scale);

        Assert.Equal(plain.Verdict, scaled.Verdict);
        Assert.Equal("retrain", plain.Verdict);
        Assert.Equal(plain.Scores.Keys, scaled.Scores.Keys);
        foreach (var (column, score) in plain.Scores)
        {
            Assert.Equal(score.Drifted, scaled.Scores[column].Drifted);
            Assert.Equal(score.Value, scaled.Scores[column].Value, Math.Abs(score.Value) * 1e-9);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void Values_near_the_largest_double_give_a_report_not_a_crash(string format)
    {
        using var dir = new TempDir();
        var reference = dir.File("reference.csv", Csv(1.7e308 / 4, shift: 0, Rows));
        var current = dir.File("current.csv", Csv(1.7e308 / 4, shift: 1, Rows));
        var json = Path.Combine(dir.Path, "report.json");

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--format", format, "--json", json, "--no-history");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var text = File.ReadAllText(json);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(text);
        var columns = report.RootElement.GetProperty("drift").GetProperty("columns").EnumerateArray().ToArray();
        Assert.All(columns, c => Assert.True(c.GetProperty("score").GetDouble() is var s && double.IsFinite(s) && s >= 0));
        Assert.Contains(columns, c => c.GetProperty("name").GetString() == "moving" && c.GetProperty("drifted").GetBoolean());
    }

    [Fact]
    public void A_column_constant_in_the_reference_is_scored_in_a_real_unit_with_a_note()
    {
        using var dir = new TempDir();
        var body = new StringBuilder("flag,other\n");
        var moved = new StringBuilder("flag,other\n");
        for (var i = 0; i < Rows; i++)
        {
            body.Append("3,").Append((i % 17).ToString(CultureInfo.InvariantCulture)).Append('\n');
            moved.Append(i % 10 == 0 ? "4," : "3,").Append((i % 17).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var reference = dir.File("reference.csv", body.ToString());
        var current = dir.File("current.csv", moved.ToString());
        var json = Path.Combine(dir.Path, "report.json");

        foreach (var method in new[] { "wasserstein", "psi" })
        {
            Assert.Equal(0, CliRun.Of("check", "-r", reference, "-c", current, "--drift-method", method, "--json", json, "--no-history").ExitCode);
            using var report = JsonDocument.Parse(File.ReadAllText(json));
            var flag = report.RootElement.GetProperty("drift").GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "flag");
            Assert.True(flag.GetProperty("drifted").GetBoolean(), method);
            Assert.StartsWith("constant 3 in the reference, 10% of current values differ", flag.GetProperty("note").GetString(), StringComparison.Ordinal);
            var score = flag.GetProperty("score").GetDouble();
            if (method == "wasserstein")
            {
                // W = 0.1, pooled sd of 3000 values with 150 at 4 = sqrt(0.05 · 0.95): not 0.1 / 0.001 = 100.
                Assert.Equal(0.1 / Math.Sqrt(0.05 * 0.95), score, 9);
            }
            else
            {
                Assert.True(score > 0.5, "psi " + score);
            }
        }
    }

    private static (string Verdict, Dictionary<string, (double Value, bool Drifted)> Scores) Check(TempDir dir, string name, double scale)
    {
        var reference = dir.File(name + "-reference.csv", Csv(scale, shift: 0, Rows));
        var current = dir.File(name + "-current.csv", Csv(scale, shift: 1, Rows));
        var json = Path.Combine(dir.Path, name + ".json");
        var run = CliRun.Of("check", "-r", reference, "-c", current, "--json", json, "--no-history");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        var scores = root.GetProperty("drift").GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (c.GetProperty("score").GetDouble(), c.GetProperty("drifted").GetBoolean()));
        return (root.GetProperty("verdict").GetString()!, scores);
    }

    /// <summary>Two numeric columns: 'moving' shifts by half its spread in the current file, 'steady' does not.</summary>
    private static string Csv(double scale, int shift, int rows)
    {
        var csv = new StringBuilder("moving,steady\n");
        for (var i = 0; i < rows; i++)
        {
            var moving = (Math.Sin(i * 0.37) + (shift * 0.6) + ((i % 7) * 0.1)) * scale;
            var steady = (Math.Cos(i * 0.11) + ((i % 5) * 0.2)) * scale;
            csv.Append(moving.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(steady.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }
}
