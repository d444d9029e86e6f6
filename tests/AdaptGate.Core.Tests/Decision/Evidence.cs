using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Decision;

/// <summary>Builds decision inputs for rule tests: only the evidence a test cares about differs from "all quiet".</summary>
public sealed record Evidence
{
    public int Features { get; init; } = 10;

    public int Drifted { get; init; }

    /// <summary>How many of the first columns shifted far (PSI 0.6); drifted columns otherwise have a PSI of 0.15, the others 0.01.</summary>
    public int ShiftedFar { get; init; }

    public string[] Lost { get; init; } = [];

    public int KindChanges { get; init; }

    /// <summary>(primary, baseline, current); null means no metrics.</summary>
    public (string Primary, double Baseline, double Current)? Metric { get; init; }

    public bool LabelDrifted { get; init; }

    public bool WithLabel { get; init; }

    public double? DomainAuc { get; init; }

    public int FineTunes { get; init; }

    public int Rows { get; init; } = 5000;

    public bool OptimisticBaseline { get; init; }

    public DecisionInputs Build()
    {
        var columns = Enumerable.Range(0, Features)
            .Select(i => new ColumnDrift($"f{i}", "numeric", "wasserstein", i < Drifted ? 0.3 : 0.01, null, null, 0.1, i < Drifted, 1, new MissingRates(0, 0), null)
            {
                Psi = i < ShiftedFar ? 0.6 : i < Drifted ? 0.15 : 0.01,
            })
            .ToArray();
        var drift = new DriftSection("auto", "none", Features == 0 ? 0 : (double)Drifted / Features, Drifted > 0, Features, Drifted, columns);
        MetricsSection? metrics = null;
        if (Metric is { } m)
        {
            var relative = m.Primary is "rmse" or "mae" or "mse" or "log-loss";
            var drop = relative ? (m.Current - m.Baseline) / m.Baseline : m.Baseline - m.Current;
            metrics = new MetricsSection(m.Primary, m.Baseline, m.Current, drop, relative ? "relative" : "absolute", "binary", "stored-predictions",
                OptimisticBaseline ? "model-on-reference" : "stored-predictions", OptimisticBaseline, Rows,
                [new MetricComparison(m.Primary, m.Baseline, m.Current, drop)]);
        }

        var label = WithLabel || LabelDrifted
            ? new ColumnDrift("label", "categorical", "chisquare", 12, LabelDrifted ? 0.001 : 0.4, LabelDrifted ? 0.001 : 0.4, 0.05, LabelDrifted, 1, new MissingRates(0, 0), null)
            : null;
        var domain = DomainAuc is { } auc ? new DomainSection(auc, 1000, 1000, 5, [new SeparatingColumnEntry("f0", 0.7)]) : null;
        var kinds = Enumerable.Range(0, KindChanges).Select(i => new KindMismatch($"k{i}", "numeric", "categorical")).ToArray();
        return new DecisionInputs(drift, Lost, kinds, metrics, new TargetSection(label, null, null), domain, FineTunes, Rows);
    }
}
