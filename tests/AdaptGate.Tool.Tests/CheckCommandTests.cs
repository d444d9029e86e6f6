using System.Text.Json;

namespace AdaptGate.Tool.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void Stable_sample_is_skip_with_exit_code_0()
    {
        var run = CliRun.Of("check", "--reference", RepoPaths.Sample("reference.csv"), "--current", RepoPaths.Sample("current-stable.csv"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("skip", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(0.0, json.RootElement.GetProperty("drift").GetProperty("share").GetDouble());
    }

    [Fact]
    public void Shifted_sample_reports_the_columns_that_moved()
    {
        var run = CliRun.Of("check", "--reference", RepoPaths.Sample("reference.csv"), "--current", RepoPaths.Sample("current.csv"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.NotEqual("skip", root.GetProperty("verdict").GetString());
        var drifted = root.GetProperty("drift").GetProperty("columns").EnumerateArray()
            .Where(c => c.GetProperty("drifted").GetBoolean())
            .Select(c => c.GetProperty("name").GetString())
            .ToArray();

        // The dataset's documented shift (samples/car-loan/README.md).
        Assert.Contains("car_value", drifted);
        Assert.Contains("loan_length", drifted);
        Assert.Contains("salary_range", drifted);
        Assert.Contains("repaid_loan_on_prev_car", drifted);
        Assert.Equal(5000, root.GetProperty("rows").GetProperty("reference").GetInt32());
        Assert.Equal(5000, root.GetProperty("rows").GetProperty("current").GetInt32());
    }

    [Fact]
    public void Json_report_follows_the_contract()
    {
        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        var reason = root.GetProperty("reasons")[0];
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("rule").GetString()));
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Number, reason.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Number, reason.GetProperty("threshold").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metrics").ValueKind);

        foreach (var column in root.GetProperty("drift").GetProperty("columns").EnumerateArray())
        {
            var method = column.GetProperty("method").GetString();
            var pValue = column.GetProperty("pValue");
            // pValue is present for the tests and null for the distances (docs/report-format.md).
            Assert.Equal(method is "ks" or "chisquare", pValue.ValueKind == JsonValueKind.Number);
            Assert.Equal(JsonValueKind.Number, column.GetProperty("score").ValueKind);
            Assert.Equal(JsonValueKind.Number, column.GetProperty("threshold").ValueKind);
        }

        var excluded = root.GetProperty("schema").GetProperty("excluded").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("reason").GetString()!);
        Assert.StartsWith("datetime", excluded["timestamp"], StringComparison.Ordinal);
    }

    [Fact]
    public void Same_inputs_give_byte_identical_json()
    {
        string[] args = ["check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", "--no-history"];

        Assert.Equal(CliRun.Of(args).Stdout, CliRun.Of(args).Stdout);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("fine-tune", 1)]
    public void Fail_on_sets_the_exit_code(string failOn, int expected)
    {
        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "--fail-on", failOn);

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public void Fail_on_retrain_is_not_reached_by_a_skip()
    {
        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current-stable.csv"), "--fail-on", "retrain");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Output_file_gets_the_report_and_stdout_the_verdict_line()
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "out", "report.json");

        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current-stable.csv"), "-f", "json", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("verdict: skip", run.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("skip", json.RootElement.GetProperty("verdict").GetString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }

    [Fact]
    public void Text_report_puts_the_verdict_first_and_drifted_columns_first()
    {
        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("Verdict: ", lines[0], StringComparison.Ordinal);
        var rows = lines.Where(l => l.StartsWith("│ ", StringComparison.Ordinal) && !l.Contains("Column", StringComparison.Ordinal)).ToArray();
        var firstClean = Array.FindIndex(rows, r => r.Contains("│ no ", StringComparison.Ordinal));
        var lastDrifted = Array.FindLastIndex(rows, r => r.Contains("│ yes ", StringComparison.Ordinal));
        Assert.True(lastDrifted >= 0, run.Stdout);
        Assert.True(firstClean < 0 || lastDrifted < firstClean, run.Stdout);
        Assert.Contains("not compared: 'timestamp'", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_columns_are_listed_and_not_compared()
    {
        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", "--ignore", "y_pred,y_pred_proba", "--ignore", "repaid");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var names = json.RootElement.GetProperty("drift").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.DoesNotContain("y_pred", names);
        Assert.DoesNotContain("y_pred_proba", names);
        Assert.DoesNotContain("repaid", names);
        Assert.Equal(7, names.Length);
    }

    [Fact]
    public void Explicit_method_is_used_for_the_kinds_it_applies_to()
    {
        var run = CliRun.Of("check", "-r", RepoPaths.Sample("reference.csv"), "-c", RepoPaths.Sample("current.csv"), "-f", "json", "--drift-method", "ks");

        using var json = JsonDocument.Parse(run.Stdout);
        var columns = json.RootElement.GetProperty("drift").GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("ks", columns["car_value"].GetProperty("method").GetString());
        Assert.Equal("numeric", columns["car_value"].GetProperty("kind").GetString());

        // ks does not apply to text: the categorical column falls back to what auto picks, and says so.
        var salary = columns["salary_range"];
        Assert.Equal("jensenshannon", salary.GetProperty("method").GetString());
        Assert.Contains("ks applies to numeric columns only", salary.GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}
