using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>The policy's settings as the check applies them, on the real car-loan samples.</summary>
public sealed class CheckRunnerTests
{
    private static readonly Lazy<DataTable> Reference = new(() => TableReader.Read(SampleData.CarLoan("reference.csv")));
    private static readonly Lazy<DataTable> Shifted = new(() => TableReader.Read(SampleData.CarLoan("current.csv")));
    private static readonly Lazy<DataTable> Stable = new(() => TableReader.Read(SampleData.CarLoan("current-stable.csv")));

    private static readonly CheckRequest Request = new()
    {
        ReferencePath = SampleData.CarLoan("reference.csv"),
        CurrentPath = SampleData.CarLoan("current.csv"),
        LabelColumn = "repaid",
        PredictionColumn = "y_pred",
        ProbabilityColumn = "y_pred_proba",
    };

    /// <summary>Drift only: the label is known (target drift), the stored model outputs are left out.</summary>
    private static readonly CheckRequest DriftOnly = Request with { PredictionColumn = null, ProbabilityColumn = null, IgnoredColumns = ["y_pred", "y_pred_proba"] };

    private static CheckReport Check(GatePolicy policy, CheckRequest? request = null, DataTable? current = null) =>
        CheckRunner.Compare(request ?? DriftOnly, policy, Reference.Value, current ?? Shifted.Value);

    [Fact]
    public void Same_inputs_give_byte_identical_json()
    {
        var policy = new GatePolicy { DomainClassifier = new DomainClassifierPolicy { Enabled = true, MaxRowsPerSide = 2000 } };

        Assert.Equal(JsonReportFormat.Write(Check(policy, Request)), JsonReportFormat.Write(Check(policy, Request)));
    }

    [Fact]
    public void Domain_classifier_separates_the_shifted_sample()
    {
        var policy = new GatePolicy { DomainClassifier = new DomainClassifierPolicy { Enabled = true, MaxRowsPerSide = 2000 } };

        var shifted = Check(policy);
        var stable = Check(policy, current: Stable.Value);

        Assert.NotNull(shifted.DomainClassifier);
        Assert.InRange(shifted.DomainClassifier!.Auc, 0.8, 1.0);
        Assert.Contains(shifted.DomainClassifier.TopColumns[0].Name, new[] { "car_value", "loan_length", "salary_range", "repaid_loan_on_prev_car" });
        Assert.DoesNotContain(shifted.DomainClassifier.TopColumns, c => c.Name is "repaid" or "timestamp");
        Assert.InRange(stable.DomainClassifier!.Auc, 0.4, 0.6);
        Assert.Contains(shifted.Rules, r => r.Rule == "domain-separable");
    }

    [Fact]
    public void Domain_classifier_is_off_by_default()
    {
        Assert.Null(Check(new GatePolicy()).DomainClassifier);
    }

    [Fact]
    public void Correction_adjusts_p_values_and_keeps_the_raw_ones()
    {
        var policy = new GatePolicy { Drift = new DriftPolicy { Method = DriftMethod.Ks, Correction = PValueCorrection.Bonferroni } };

        var report = Check(policy);

        Assert.Equal("bonferroni", report.Drift.Correction);
        var tested = report.Drift.Columns.Where(c => c.PValue is not null).ToArray();
        Assert.Equal(4, tested.Length); // ks on the numeric features; the others fall back to auto
        foreach (var column in tested)
        {
            Assert.Equal(Math.Min(1, column.PValue!.Value * tested.Length), column.AdjustedPValue!.Value, 15);
            Assert.Equal(column.AdjustedPValue < column.Threshold, column.Drifted);
        }
    }

    [Fact]
    public void Weights_shape_the_drift_share()
    {
        var weights = new Dictionary<string, ColumnPolicy>
        {
            ["car_value"] = new() { Weight = 0 },
            ["loan_length"] = new() { Weight = 0 },
            ["driver_tenure"] = new() { Weight = 3 },
        };

        var report = Check(new GatePolicy { Columns = weights });

        // Drifted: car_value, loan_length (weight 0), salary_range, repaid_loan_on_prev_car (1 each); total weight 0+0+1+1+1+1+3 = 7.
        Assert.Equal(4, report.Drift.DriftedColumns);
        Assert.Equal(2.0 / 7.0, report.Drift.Share, 12);
    }

    [Fact]
    public void Every_column_reports_its_psi_whatever_method_tested_it()
    {
        // The psi field is the psi method's own score (itself checked against SciPy), for numeric and categorical columns alike.
        var byAuto = Check(new GatePolicy()).Drift.Columns.ToDictionary(c => c.Name);
        var byPsi = Check(new GatePolicy { Drift = new DriftPolicy { Method = DriftMethod.Psi } }).Drift.Columns.ToDictionary(c => c.Name);

        Assert.Contains(byAuto.Values, c => c.Kind == "numeric");
        Assert.Contains(byAuto.Values, c => c.Kind != "numeric");
        foreach (var (name, column) in byAuto)
        {
            Assert.NotEqual("psi", column.Method);
            Assert.Equal("psi", byPsi[name].Method);
            Assert.Equal(byPsi[name].Score!.Value, column.Psi!.Value, 15);
            Assert.Equal(byPsi[name].Psi!.Value, column.Psi!.Value, 15);
        }
    }

    [Fact]
    public void Column_method_and_threshold_override_the_policy()
    {
        var columns = new Dictionary<string, ColumnPolicy> { ["driver_tenure"] = new() { Method = DriftMethod.Psi, Threshold = 0.0001 } };

        var column = Check(new GatePolicy { Columns = columns }).Drift.Columns.Single(c => c.Name == "driver_tenure");

        Assert.Equal("psi", column.Method);
        Assert.Equal(0.0001, column.Threshold);
        Assert.True(column.Drifted);
    }

    [Fact]
    public void Policy_thresholds_apply_per_method()
    {
        var policy = new GatePolicy { Drift = new DriftPolicy { Thresholds = new DriftThresholds { Wasserstein = 0.5 } } };

        var columns = Check(policy).Drift.Columns.ToDictionary(c => c.Name);

        Assert.Equal(0.5, columns["loan_length"].Threshold);
        Assert.False(columns["loan_length"].Drifted); // 0.33 < 0.5
        Assert.True(columns["car_value"].Drifted); // 0.95 >= 0.5
    }

    [Fact]
    public void Kind_override_reads_a_number_column_as_categories()
    {
        var policy = new GatePolicy { Columns = new Dictionary<string, ColumnPolicy> { ["loan_length"] = new() { Kind = ColumnKind.Categorical } } };

        var column = Check(policy).Drift.Columns.Single(c => c.Name == "loan_length");

        Assert.Equal("categorical", column.Kind);
        Assert.Equal("jensenshannon", column.Method);
    }

    [Fact]
    public void Ignored_columns_from_the_policy_are_listed()
    {
        var report = Check(new GatePolicy { Ignore = ["car_value"], Columns = new Dictionary<string, ColumnPolicy> { ["driver_tenure"] = new() { Ignore = true } } });

        Assert.DoesNotContain(report.Drift.Columns, c => c.Name is "car_value" or "driver_tenure");
        Assert.Contains(report.Schema.Excluded, e => e.Name == "car_value" && e.Reason == "ignored on request");
        Assert.Contains(report.Schema.Excluded, e => e.Name == "driver_tenure");
    }

    [Fact]
    public void A_policy_column_in_neither_file_is_a_warning()
    {
        var report = Check(new GatePolicy { Columns = new Dictionary<string, ColumnPolicy> { ["no_such_column"] = new() { Weight = 2 } } });

        Assert.Contains("The policy names column 'no_such_column', which is in neither file.", report.Warnings);
    }

    [Fact]
    public void Fine_tune_streak_comes_from_the_history_count()
    {
        var request = DriftOnly;
        var policy = new GatePolicy { Rules = new RulesPolicy { DriftShareSevere = new DriftShareRule { Enabled = false } } };

        var fresh = CheckRunner.Compare(request, policy, Reference.Value, Shifted.Value, fineTunesSinceLastRetrain: 0);
        var piled = CheckRunner.Compare(request, policy, Reference.Value, Shifted.Value, fineTunesSinceLastRetrain: 10);

        Assert.Equal(Verdict.FineTune, fresh.Verdict);
        Assert.Equal(Verdict.Retrain, piled.Verdict);
        Assert.Equal("fine-tune-streak", piled.Reasons[0].Rule);
    }
}
