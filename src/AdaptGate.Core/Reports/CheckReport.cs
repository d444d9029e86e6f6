using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports;

// The JSON contract of design.md ("Contract: the JSON report"). Scripts, the MSBuild task and the
// `comment` command read these names: add fields freely, never rename or change their meaning.

/// <summary>The result of one check: verdict, the rules that fired, drift, metrics, schema.</summary>
public sealed record CheckReport(
    string Version,
    Verdict Verdict,
    IReadOnlyList<VerdictReason> Reasons,
    DriftSection Drift,
    MetricsSection? Metrics,
    RowCounts Rows,
    SchemaSection Schema,
    InputFiles Inputs);

/// <summary>One rule that fired, with the evidence it fired on.</summary>
public sealed record VerdictReason(string Rule, Verdict Verdict, string Message, double Value, double Threshold);

public sealed record DriftSection(
    string Method,
    double Share,
    bool Detected,
    int ComparedColumns,
    int DriftedColumns,
    IReadOnlyList<ColumnDrift> Columns);

/// <summary>
/// One compared feature column. <c>Score</c> is the statistic (D, chi²) or the distance;
/// <c>PValue</c> is set for the tests (ks, chisquare) only. Both are null when there was
/// nothing to compare (all values missing on one side): see <c>Note</c>.
/// </summary>
public sealed record ColumnDrift(
    string Name,
    string Kind,
    string Method,
    double? Score,
    double? PValue,
    double Threshold,
    bool Drifted,
    MissingRates Missing,
    string? Note);

public sealed record MissingRates(double Reference, double Current);

public sealed record MetricsSection(string Primary, double Baseline, double Current, double Drop);

public sealed record RowCounts(int Reference, int Current);

public sealed record InputFiles(string Reference, string Current);
