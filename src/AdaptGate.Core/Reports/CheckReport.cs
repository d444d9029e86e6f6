using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports;

// The JSON contract of design.md ("Contract: the JSON report"). Scripts, the MSBuild task and the
// `comment` command read these names: add fields freely, never rename or change their meaning.

/// <summary>The result of one check: verdict, the rules that fired, drift, metrics, schema.</summary>
public sealed record CheckReport(
    string Version,
    Verdict Verdict,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<string> Warnings,
    DriftSection Drift,
    TargetSection Target,
    MetricsSection? Metrics,
    DomainSection? DomainClassifier,
    RowCounts Rows,
    SchemaSection Schema,
    IReadOnlyList<RuleEvaluation> Rules,
    HistorySection? History,
    InputFiles Inputs);

/// <summary>
/// One rule that fired, with the evidence it fired on. <c>Margin</c> is how far past its
/// threshold the deciding value is (in the value's own units; small means a close call).
/// </summary>
public sealed record VerdictReason(string Rule, Verdict Verdict, string Message, double Value, double Threshold, double Margin);

/// <summary>Every rule the policy evaluated, fired or not, so a reviewer sees how close each came.</summary>
public sealed record RuleEvaluation(string Rule, Verdict Verdict, bool Fired, double? Value, double? Threshold, double? Margin, string Detail);

public sealed record DriftSection(
    string Method,
    string Correction,
    double Share,
    bool Detected,
    int ComparedColumns,
    int DriftedColumns,
    IReadOnlyList<ColumnDrift> Columns);

/// <summary>
/// One compared column. <c>Score</c> is the statistic (D, chi²) or the distance; <c>PValue</c> is
/// set for the tests (ks, chisquare) only, and <c>AdjustedPValue</c> after the policy's
/// multiple-testing correction (equal to <c>PValue</c> with none). Both are null when there was
/// nothing to compare (all values missing on one side, kind changed): see <c>Note</c>, and then
/// <c>Distribution</c> is null too. <c>Psi</c> is the column's population stability index over the
/// psi method's bins whatever method tested it, so that how far columns moved compares on one scale
/// (the major-shift rule reads it); null when the column could not be compared.
/// </summary>
public sealed record ColumnDrift(
    string Name,
    string Kind,
    string Method,
    double? Score,
    double? PValue,
    double? AdjustedPValue,
    double Threshold,
    bool Drifted,
    double Weight,
    MissingRates Missing,
    string? Note,
    ColumnDistribution? Distribution = null,
    double? Psi = null);

public sealed record MissingRates(double Reference, double Current);

/// <summary>
/// What a chart of the column needs: the share of non-missing values per bin on each side (each
/// side sums to 1). Numeric bins are the reference deciles the binned methods use; categorical
/// and boolean bins are the most frequent categories, then "other".
/// </summary>
public sealed record ColumnDistribution(IReadOnlyList<string> Bins, IReadOnlyList<double> Reference, IReadOnlyList<double> Current);

/// <summary>Drift of the label (target drift) and of the model's outputs (prediction drift): never features.</summary>
public sealed record TargetSection(ColumnDrift? Label, ColumnDrift? Prediction, ColumnDrift? Probability);

/// <summary>
/// The primary metric before (baseline) and now (current); <c>Drop</c> is positive when worse,
/// absolute for scores, relative for errors (<c>DropKind</c>). <c>Values</c> has every metric.
/// </summary>
public sealed record MetricsSection(
    string Primary,
    double Baseline,
    double Current,
    double Drop,
    string DropKind,
    string? Task,
    string Source,
    string BaselineSource,
    bool BaselineOptimistic,
    int? CurrentRows,
    IReadOnlyList<MetricComparison> Values)
{
    /// <summary>The covariate / concept split of the primary metric's change, when the model's probabilities allow it.</summary>
    public MetricsDecomposition? Decomposition { get; init; }
}

public sealed record MetricComparison(string Name, double? Baseline, double? Current, double? Drop);

/// <summary>The multivariate check: can a classifier tell reference rows from current rows?</summary>
public sealed record DomainSection(double Auc, int ReferenceRows, int CurrentRows, int Folds, IReadOnlyList<SeparatingColumnEntry> TopColumns);

public sealed record SeparatingColumnEntry(string Name, double Importance);

public sealed record HistorySection(string Path, int FineTunesSinceLastRetrain, bool Recorded);

public sealed record RowCounts(int Reference, int Current);

public sealed record InputFiles(string Reference, string Current, string? Policy, string? Model, string? Metrics, string? BaselineMetrics);
