using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>The file `adaptgate init` writes: every default spelled out, stable, and read back to the same policy.</summary>
public sealed class PolicyWriterTests
{
    [Fact]
    public void Defaults_are_written_in_full()
    {
        var text = PolicyWriter.Write(new GatePolicy());

        Assert.StartsWith("{\n  \"$schema\": \"./.adaptgate/adaptgate.schema.json\",\n  \"seed\": 0,\n  \"drift\": {\n    \"method\": \"auto\",", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Contains("\"label\": null,", text, StringComparison.Ordinal);
        Assert.Contains("\"chiSquare\": 0.05,", text, StringComparison.Ordinal);
        Assert.Contains("\"metricCollapse\": {\n      \"enabled\": true,\n      \"absoluteDrop\": 0.1,\n      \"relativeDrop\": 0.5\n    },", text, StringComparison.Ordinal);
        Assert.Contains("\"maxRowsPerSide\": 50000,", text, StringComparison.Ordinal);
        Assert.Contains("\"path\": \".adaptgate/history.jsonl\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes()
    {
        Assert.Equal(PolicyWriter.Write(new GatePolicy()), PolicyWriter.Write(new GatePolicy()));
    }

    [Fact]
    public void Defaults_round_trip()
    {
        var policy = PolicyParse.Of(PolicyWriter.Write(new GatePolicy()));

        Assert.Equal(new GatePolicy().Drift, policy.Drift);
        Assert.Equal(new GatePolicy().Rules, policy.Rules);
        Assert.Equal(PolicyWriter.Write(new GatePolicy()), PolicyWriter.Write(policy));
    }

    [Fact]
    public void A_policy_with_every_member_set_round_trips()
    {
        var policy = new GatePolicy
        {
            Seed = 9,
            Drift = new DriftPolicy
            {
                Method = DriftMethod.JensenShannon,
                Thresholds = new DriftThresholds { Ks = 0.01, ChiSquare = 0.02, Psi = 0.2, Wasserstein = 0.15, JensenShannon = 0.3 },
                Correction = PValueCorrection.Bonferroni,
            },
            Ignore = ["id", "ts"],
            Columns = new Dictionary<string, ColumnPolicy>
            {
                ["car value"] = new() { Kind = ColumnKind.Numeric, Method = DriftMethod.Ks, Threshold = 0.001, Weight = 0.5 },
                ["it's"] = new() { Ignore = true },
            },
            Target = new TargetPolicy { Label = "y", Prediction = "p", Probability = "s", Task = "binary", PositiveClass = "yes" },
            Metrics = new MetricsPolicy { Primary = "f1", Floors = new Dictionary<string, double> { ["f1"] = 0.6, ["log-loss"] = 0.9 } },
            DomainClassifier = new DomainClassifierPolicy { Enabled = true, MaxRowsPerSide = 2000, Folds = 4 },
            Rules = new RulesPolicy
            {
                SchemaChange = new ToggleRule { Enabled = false },
                MetricCollapse = new MetricDropRule { AbsoluteDrop = 0.3, RelativeDrop = 0.8 },
                MetricDropDiverged = new DriftShareRule { DriftShare = 0.4 },
                MetricDrop = new MetricDropRule { Enabled = false, AbsoluteDrop = 0.01, RelativeDrop = 0.05 },
                DriftWithoutDegradation = new ToggleRule { Enabled = false },
                DriftShareSevere = new DriftShareRule { DriftShare = 0.6 },
                DomainSeparable = new DomainSeparableRule { Auc = 0.8 },
                DriftDetected = new ToggleRule { Enabled = false },
                TargetDrift = new TargetDriftRule { Enabled = false, Alpha = 0.01, MinChange = 0.1 },
                FineTuneStreak = new FineTuneStreakRule { MaxFineTunes = 2 },
                TooLittleData = new TooLittleDataRule { MinRows = 50 },
            },
            History = new HistoryPolicy { Path = "ml/history.jsonl" },
            Input = new InputPolicy { Header = false, ColumnNames = ["age", "workclass"], NaValues = ["?", "-999"] },
        };

        var text = PolicyWriter.Write(policy);
        var back = PolicyParse.Of(text);

        PolicyAssert.Equal(policy, back);
        Assert.Equal(text, PolicyWriter.Write(back));
    }
}
