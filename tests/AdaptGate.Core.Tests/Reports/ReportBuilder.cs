using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Reports;

/// <summary>Reports built by hand, for formats tested at sizes no sample file has.</summary>
internal static class ReportBuilder
{
    public static CheckReport WithDriftedColumns(int count)
    {
        var bins = new[] { "< 1", "1 – 2", "2 – 3", "3 – 4", "4 – 5", "5 – 6", "6 – 7", "7 – 8", "8 – 9", ">= 9" };
        var reference = Enumerable.Repeat(0.1, 10).ToArray();
        var current = new[] { 0.3, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.03, 0.02 };
        var columns = Enumerable.Range(0, count)
            .Select(i => new ColumnDrift(
                $"feature_{i:0000}", "numeric", "wasserstein", 0.2 + (i / 10000.0), null, null, 0.1, Drifted: true, 1, new MissingRates(0, 0), null,
                new ColumnDistribution(bins, reference, current)))
            .ToArray();
        return With(columns);
    }

    /// <summary>A retrain report over these columns, whatever they are.</summary>
    public static CheckReport With(IReadOnlyList<ColumnDrift> columns)
    {
        var count = columns.Count;
        var drifted = columns.Count(c => c.Drifted);
        return new CheckReport(
            "0.1.0",
            Verdict.Retrain,
            [new VerdictReason("drift-share-severe", Verdict.Retrain, $"{drifted} of {count} feature columns drifted (share {(double)drifted / count})", (double)drifted / count, 0.5, ((double)drifted / count) - 0.5)],
            ["A warning about 'feature_0000'."],
            new DriftSection("auto", "none", (double)drifted / count, true, count, drifted, columns),
            new TargetSection(null, null, null),
            null,
            null,
            new RowCounts(5000, 5000),
            new SchemaSection([], [], [], [], [], [new ExcludedColumn("id", "identifier-like")]),
            [],
            null,
            new InputFiles("reference.csv", "current.csv", null, null, null, null));
    }
}
