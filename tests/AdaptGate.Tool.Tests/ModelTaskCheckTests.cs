using System.Text.Json;

namespace AdaptGate.Tool.Tests;

/// <summary>Multiclass and regression ML.NET models, trained here, evaluated through `adaptgate check --model`.</summary>
public sealed class ModelTaskCheckTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Multiclass_model_on_fresh_data_from_the_same_world_is_a_skip()
    {
        var training = TrainedModels.SpeciesRows(1500, seed: 2);
        var model = TrainedModels.TrainMulticlass(_dir.Path, training);
        var reference = TrainedModels.WriteCsv(Path.Combine(_dir.Path, "reference.csv"), training);
        var current = TrainedModels.WriteCsv(Path.Combine(_dir.Path, "current.csv"), TrainedModels.SpeciesRows(1500, seed: 5));

        // The rules' reading of the model's metrics; with the trial on, a retrain on twice the rows measures better (CheckTrialTests covers the trial).
        var run = CliRun.Of("check", "-r", reference, "-c", current, "-f", "json", "--model", model, "--label", "Species", "--policy", RulesOnly());

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal("multiclass", metrics.GetProperty("task").GetString());
        Assert.Equal("micro-accuracy", metrics.GetProperty("primary").GetString());
        Assert.InRange(metrics.GetProperty("current").GetDouble(), 0.8, 1.0);
        var names = metrics.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["micro-accuracy", "macro-accuracy", "log-loss"], names);
        Assert.Equal("skip", json.RootElement.GetProperty("verdict").GetString());
        // The label is the target, not a feature; its class balance did not move.
        Assert.Equal("Species", json.RootElement.GetProperty("target").GetProperty("label").GetProperty("name").GetString());
        Assert.Equal("categorical", json.RootElement.GetProperty("target").GetProperty("label").GetProperty("kind").GetString());
    }

    [Fact]
    public void Regression_model_under_a_concept_shift_collapses_into_a_retrain()
    {
        var training = TrainedModels.PriceRows(1500, seed: 3);
        var model = TrainedModels.TrainRegression(_dir.Path, training);
        var reference = TrainedModels.WriteCsv(Path.Combine(_dir.Path, "reference.csv"), training);
        // Same inputs, but every price is 60 higher: the features do not drift, the relationship does.
        var current = TrainedModels.WriteCsv(Path.Combine(_dir.Path, "current.csv"), TrainedModels.PriceRows(1500, seed: 3, offset: 60));

        var run = CliRun.Of("check", "-r", reference, "-c", current, "-f", "json", "--model", model, "--label", "Price", "--policy", RulesOnly());

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var metrics = root.GetProperty("metrics");
        Assert.Equal("regression", metrics.GetProperty("task").GetString());
        Assert.Equal("rmse", metrics.GetProperty("primary").GetString());
        Assert.Equal("relative", metrics.GetProperty("dropKind").GetString());
        Assert.True(metrics.GetProperty("drop").GetDouble() >= 0.5, metrics.ToString());
        Assert.Equal(0, root.GetProperty("drift").GetProperty("driftedColumns").GetInt32());
        Assert.Equal("retrain", root.GetProperty("verdict").GetString());
        Assert.Equal("metric-collapse", root.GetProperty("reasons")[0].GetProperty("rule").GetString());
    }

    /// <summary>A policy with the trial off, so the rules these tests are about decide.</summary>
    private string RulesOnly() => _dir.File("rules-only.json", """{ "decision": { "trial": "off" } }""");
}
