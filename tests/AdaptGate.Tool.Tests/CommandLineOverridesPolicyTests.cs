using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// "Command-line options override the policy": for each option that has a policy setting, the policy says one thing,
/// the option another, and the report shows the option's (and, run without it, the policy's, so an option that is
/// ignored fails here). --ignore adds to the policy's list; --delimiter has no policy setting and is tested on a file
/// its extension would misread.
/// </summary>
public sealed class CommandLineOverridesPolicyTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _reference;
    private readonly string _current;

    public CommandLineOverridesPolicyTests()
    {
        _reference = _dir.File("reference.csv", Table(shift: 0, ','));
        _current = _dir.File("current.csv", Table(shift: 5, ','));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Drift_method()
    {
        var policy = Policy("""{ "drift": { "method": "psi" } }""");

        Assert.Equal("ks", Column(Check(policy, "--drift-method", "ks"), "x").GetProperty("method").GetString());
        Assert.Equal("psi", Column(Check(policy), "x").GetProperty("method").GetString());
    }

    [Fact]
    public void Drift_threshold()
    {
        var policy = Policy("""{ "drift": { "method": "psi", "thresholds": { "psi": 0.5 } } }""");

        Assert.Equal(0.25, Column(Check(policy, "--drift-threshold", "0.25"), "x").GetProperty("threshold").GetDouble());
        Assert.Equal(0.25, Column(Check(policy, "--drift-threshold", "0.25"), "c").GetProperty("threshold").GetDouble());
        Assert.Equal(0.5, Column(Check(policy), "x").GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void Label_prediction_and_probability()
    {
        var policy = Policy("""{ "target": { "label": "y1", "prediction": "p1", "probability": "q1" } }""");

        var overridden = Check(policy, "--label", "y2", "--prediction", "p2", "--probability", "q2");
        var fromPolicy = Check(policy);

        Assert.Equal(["y2", "p2", "q2"], TargetNames(overridden));
        Assert.Equal(["y1", "p1", "q1"], TargetNames(fromPolicy));
    }

    [Theory]
    [InlineData("--label")]
    [InlineData("--prediction")]
    [InlineData("--probability")]
    public void Each_target_column_alone(string option)
    {
        var policy = Policy("""{ "target": { "label": "y1", "prediction": "p1", "probability": "q1" } }""");
        var column = option switch { "--label" => "y2", "--prediction" => "p2", _ => "q2" };

        var names = TargetNames(Check(policy, option, column));

        Assert.Equal(column, names[option switch { "--label" => 0, "--prediction" => 1, _ => 2 }]);
        Assert.Equal(2, names.Count(n => n.EndsWith('1')));
    }

    [Fact]
    public void Task()
    {
        var policy = Policy("""{ "target": { "label": "y1", "prediction": "p1", "task": "regression" } }""");

        Assert.Equal("binary", Check(policy, "--task", "binary").GetProperty("metrics").GetProperty("task").GetString());
        Assert.Equal("regression", Check(policy).GetProperty("metrics").GetProperty("task").GetString());
    }

    /// <summary>q1 is high exactly when y1 is 1: an auc of 1 with 1 as the positive class, 0 with 0.</summary>
    [Fact]
    public void Positive_class()
    {
        var policy = Policy("""{ "target": { "label": "y1", "prediction": "p1", "probability": "q1", "positiveClass": "1" }, "metrics": { "primary": "auc" } }""");

        Assert.Equal(0.0, Check(policy, "--positive-class", "0").GetProperty("metrics").GetProperty("baseline").GetDouble(), 12);
        Assert.Equal(1.0, Check(policy).GetProperty("metrics").GetProperty("baseline").GetDouble(), 12);
    }

    [Fact]
    public void History()
    {
        var fromPolicy = Path.Combine(_dir.Path, "policy-history.jsonl");
        var fromOption = Path.Combine(_dir.Path, "option-history.jsonl");
        var policy = Policy($$"""{ "history": { "path": {{JsonSerializer.Serialize(fromPolicy)}} } }""");

        var run = CliRun.Of("check", "-r", _reference, "-c", _current, "--policy", policy, "-f", "json", "--history", fromOption);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(File.ReadAllLines(fromOption));
        Assert.False(File.Exists(fromPolicy));
    }

    [Fact]
    public void Ignore_adds_to_the_policys_list()
    {
        var policy = Policy("""{ "ignore": ["y1", "y2", "p1", "p2", "q1", "q2"] }""");

        Assert.Equal(["x"], ColumnNames(Check(policy, "--ignore", "c")));
        Assert.Equal(["x", "c"], ColumnNames(Check(policy)));
    }

    [Theory]
    [InlineData("tab", '\t')]
    [InlineData(";", ';')]
    public void Delimiter_reads_a_csv_file_split_by_another_character(string option, char delimiter)
    {
        var reference = _dir.File($"reference-{(int)delimiter}.csv", Table(shift: 0, delimiter));
        var current = _dir.File($"current-{(int)delimiter}.csv", Table(shift: 5, delimiter));

        var run = CliRun.Of("check", "-r", reference, "-c", current, "--delimiter", option, "--ignore", "y1,y2,p1,p2,q1,q2", "-f", "json", "--no-history");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["x", "c"], ColumnNames(json.RootElement.Clone()));
        Assert.Equal("numeric", Column(json.RootElement.Clone(), "x").GetProperty("kind").GetString());
    }

    private string Policy(string json) => _dir.File($"policy-{Guid.NewGuid():N}.json", json);

    private JsonElement Check(string policy, params string[] options)
    {
        var run = CliRun.Of(["check", "-r", _reference, "-c", _current, "--policy", policy, "-f", "json", "--no-history", .. options]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.Clone();
    }

    private static JsonElement Column(JsonElement report, string name) =>
        report.GetProperty("drift").GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static string[] ColumnNames(JsonElement report) =>
        [.. report.GetProperty("drift").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static string[] TargetNames(JsonElement report)
    {
        var target = report.GetProperty("target");
        return [.. new[] { "label", "prediction", "probability" }.Select(p => target.GetProperty(p).GetProperty("name").GetString()!)];
    }

    /// <summary>
    /// 400 rows: a numeric x (shifted by <paramref name="shift"/> in the current data), a categorical c, two binary
    /// labels y1 and y2 with perfect predictions p1 and p2, and probabilities q1 and q2 high exactly where the label is 1.
    /// </summary>
    private static string Table(int shift, char delimiter)
    {
        var text = new StringBuilder();
        text.AppendJoin(delimiter, "x", "c", "y1", "y2", "p1", "p2", "q1", "q2").Append('\n');
        for (var i = 0; i < 400; i++)
        {
            var y1 = i % 2;
            var y2 = i / 2 % 2;
            text.AppendJoin(
                delimiter,
                (i % 50 + shift).ToString(CultureInfo.InvariantCulture),
                "abc"[i % 3].ToString(),
                y1.ToString(CultureInfo.InvariantCulture),
                y2.ToString(CultureInfo.InvariantCulture),
                y1.ToString(CultureInfo.InvariantCulture),
                y2.ToString(CultureInfo.InvariantCulture),
                (y1 == 1 ? 0.8 + i % 7 * 0.01 : 0.2 - i % 7 * 0.01).ToString(CultureInfo.InvariantCulture),
                (y2 == 1 ? 0.7 + i % 5 * 0.01 : 0.3 - i % 5 * 0.01).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
