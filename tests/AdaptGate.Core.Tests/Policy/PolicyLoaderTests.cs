using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>What a valid policy file means: the keys it has, and the defaults of those it leaves out.</summary>
public sealed class PolicyLoaderTests
{
    [Fact]
    public void An_empty_object_is_the_built_in_defaults()
    {
        var policy = PolicyParse.Of("{}");

        Assert.Equal(PolicyWriter.Write(new GatePolicy()), PolicyWriter.Write(policy));
        Assert.Equal(0.05, policy.Drift.Thresholds.Ks);
        Assert.Equal(0.10, policy.Rules.MetricCollapse.AbsoluteDrop);
        Assert.Equal(0.50, policy.Rules.MetricCollapse.RelativeDrop);
        Assert.Equal(".adaptgate/history.jsonl", policy.History.Path);
    }

    [Fact]
    public void Keys_left_out_of_a_nested_object_keep_their_defaults()
    {
        var policy = PolicyParse.Of("""
            {
              "drift": { "thresholds": { "psi": 0.2 } },
              "rules": { "metricCollapse": { "absoluteDrop": 0.15 }, "tooLittleData": { "enabled": false } },
              "domainClassifier": { "enabled": true }
            }
            """);

        Assert.Equal(0.2, policy.Drift.Thresholds.Psi);
        Assert.Equal(0.05, policy.Drift.Thresholds.Ks);
        Assert.Equal(DriftMethod.Auto, policy.Drift.Method);
        Assert.Equal(0.15, policy.Rules.MetricCollapse.AbsoluteDrop);
        // The collapse's own default (50%), not the metric-drop default a new MetricDropRule has (10%).
        Assert.Equal(0.50, policy.Rules.MetricCollapse.RelativeDrop);
        Assert.True(policy.Rules.MetricCollapse.Enabled);
        Assert.False(policy.Rules.TooLittleData.Enabled);
        Assert.Equal(500, policy.Rules.TooLittleData.MinRows);
        Assert.True(policy.DomainClassifier.Enabled);
        Assert.Equal(50_000, policy.DomainClassifier.MaxRowsPerSide);
        Assert.Equal(5, policy.DomainClassifier.Folds);
    }

    [Fact]
    public void A_column_entry_keeps_the_defaults_it_does_not_set()
    {
        var policy = PolicyParse.Of("""{ "columns": { "age": { "method": "ks", "threshold": 0.01 }, "id": { "ignore": true } } }""");

        var age = policy.Columns["age"];
        Assert.Equal(DriftMethod.Ks, age.Method);
        Assert.Equal(0.01, age.Threshold);
        Assert.Equal(1.0, age.Weight);
        Assert.False(age.Ignore);
        Assert.Null(age.Kind);
        Assert.True(policy.Columns["id"].Ignore);
        Assert.Null(policy.Columns["id"].Method);
    }

    [Fact]
    public void Comments_trailing_commas_and_schema_are_accepted()
    {
        var policy = PolicyParse.Of("""
            {
              "$schema": "./.adaptgate/adaptgate.schema.json", // for editors
              /* the model is small: test more strictly */
              "drift": {
                "method": "psi",
                "correction": "fdr-bh",
              },
              "ignore": ["id", "timestamp",],
            }
            """);

        Assert.Equal(DriftMethod.Psi, policy.Drift.Method);
        Assert.Equal(PValueCorrection.FdrBh, policy.Drift.Correction);
        Assert.Equal(["id", "timestamp"], policy.Ignore);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var policy = PolicyParse.Of("""
            {
              "seed": 42,
              "drift": { "method": "wasserstein", "thresholds": { "ks": 0.01, "chiSquare": 0.02, "psi": 0.25, "wasserstein": 0.3, "jensenShannon": 0.2 }, "correction": "holm" },
              "ignore": ["id"],
              "columns": { "car value": { "ignore": false, "kind": "categorical", "method": "chisquare", "threshold": 0.001, "weight": 2.5 } },
              "target": { "label": "repaid", "prediction": "y_pred", "probability": "y_proba", "task": "Binary", "positiveClass": "1" },
              "metrics": { "primary": "AUC", "floors": { "Log-Loss": 0.7, "auc": 0.8 } },
              "domainClassifier": { "enabled": true, "maxRowsPerSide": 1000, "folds": 3 },
              "rules": {
                "schemaChange": { "enabled": false },
                "metricCollapse": { "enabled": true, "absoluteDrop": 0.2, "relativeDrop": 1 },
                "metricDropDiverged": { "enabled": true, "driftShare": 0.3 },
                "metricDrop": { "enabled": true, "absoluteDrop": 0.05, "relativeDrop": 0.2 },
                "driftWithoutDegradation": { "enabled": false },
                "driftShareSevere": { "enabled": true, "driftShare": 0.7 },
                "domainSeparable": { "enabled": true, "auc": 0.95 },
                "driftDetected": { "enabled": false },
                "targetDrift": { "enabled": false },
                "fineTuneStreak": { "enabled": true, "maxFineTunes": 5 },
                "tooLittleData": { "enabled": true, "minRows": 0 }
              },
              "history": { "path": "ml/history.jsonl" }
            }
            """);

        Assert.Equal(42, policy.Seed);
        Assert.Equal(DriftMethod.Wasserstein, policy.Drift.Method);
        Assert.Equal(new DriftThresholds { Ks = 0.01, ChiSquare = 0.02, Psi = 0.25, Wasserstein = 0.3, JensenShannon = 0.2 }, policy.Drift.Thresholds);
        Assert.Equal(PValueCorrection.Holm, policy.Drift.Correction);
        Assert.Equal(new ColumnPolicy { Kind = ColumnKind.Categorical, Method = DriftMethod.ChiSquare, Threshold = 0.001, Weight = 2.5 }, policy.Columns["car value"]);
        Assert.Equal(new TargetPolicy { Label = "repaid", Prediction = "y_pred", Probability = "y_proba", Task = "binary", PositiveClass = "1" }, policy.Target);
        Assert.Equal("auc", policy.Metrics.Primary);
        Assert.Equal(new Dictionary<string, double> { ["log-loss"] = 0.7, ["auc"] = 0.8 }, policy.Metrics.Floors);
        Assert.Equal(new DomainClassifierPolicy { Enabled = true, MaxRowsPerSide = 1000, Folds = 3 }, policy.DomainClassifier);
        Assert.False(policy.Rules.SchemaChange.Enabled);
        Assert.Equal(new MetricDropRule { AbsoluteDrop = 0.2, RelativeDrop = 1 }, policy.Rules.MetricCollapse);
        Assert.Equal(0.3, policy.Rules.MetricDropDiverged.DriftShare);
        Assert.Equal(new MetricDropRule { AbsoluteDrop = 0.05, RelativeDrop = 0.2 }, policy.Rules.MetricDrop);
        Assert.False(policy.Rules.DriftWithoutDegradation.Enabled);
        Assert.Equal(0.7, policy.Rules.DriftShareSevere.DriftShare);
        Assert.Equal(0.95, policy.Rules.DomainSeparable.Auc);
        Assert.False(policy.Rules.DriftDetected.Enabled);
        Assert.False(policy.Rules.TargetDrift.Enabled);
        Assert.Equal(5, policy.Rules.FineTuneStreak.MaxFineTunes);
        Assert.Equal(0, policy.Rules.TooLittleData.MinRows);
        Assert.Equal("ml/history.jsonl", policy.History.Path);
    }

    [Fact]
    public void A_column_both_ignored_and_named_as_the_label_is_fine()
    {
        var policy = PolicyParse.Of("""{ "ignore": ["repaid"], "target": { "label": "repaid" } }""");

        Assert.Equal("repaid", policy.Target.Label);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var policy = PolicyParse.Of("\uFEFF{ \"seed\": 7 }");

        Assert.Equal(7, policy.Seed);
    }

    [Fact]
    public void Load_reads_a_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("adaptgate-policy-").FullName, "adaptgate.json");
        try
        {
            File.WriteAllText(path, "{ \"seed\": 3 }");

            Assert.Equal(3, PolicyLoader.Load(path).Seed);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
