using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.GitHub.Tests;

/// <summary>Reports built by hand: any verdict, any number of drifted columns.</summary>
internal static class Reports
{
    public static CheckReport With(Verdict verdict, int driftedColumns = 2, string message = "2 of 2 feature columns drifted (share 1)")
    {
        var bins = new[] { "< 1", "1 – 2", "2 – 3", "3 – 4", "4 – 5", "5 – 6", "6 – 7", "7 – 8", "8 – 9", ">= 9" };
        var reference = Enumerable.Repeat(0.1, 10).ToArray();
        var current = new[] { 0.3, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.03, 0.02 };
        var columns = Enumerable.Range(0, driftedColumns)
            .Select(i => new ColumnDrift(
                $"feature_{i:0000}", "numeric", "wasserstein", 0.2 + (i / 10000.0), null, null, 0.1, Drifted: true, 1, new MissingRates(0, 0), null,
                new ColumnDistribution(bins, reference, current)))
            .ToArray();
        var rule = verdict == Verdict.Skip ? "no-drift" : "drift-share-severe";
        return new CheckReport(
            "0.1.0",
            verdict,
            [new VerdictReason(rule, verdict, message, 1, 0.5, 0.5)],
            [],
            new DriftSection("auto", "none", 1, true, driftedColumns, driftedColumns, columns),
            new TargetSection(null, null, null),
            null,
            null,
            new RowCounts(5000, 5000),
            new SchemaSection([], [], [], [], [], []),
            [],
            null,
            new InputFiles("reference.csv", "current.csv", null, null, null, null));
    }
}
