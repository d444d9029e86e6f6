using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports;

// The JSON contract of docs/report-format.md, which lists every field. Scripts, the MSBuild task and the
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
    InputFiles Inputs)
{
    /// <summary>The trial of the three actions, when one was asked for; null when the policy turned it off or there was no model.</summary>
    public TrialSection? Trial { get; init; }

    /// <summary>The steps left out because the reference or the current side is a profile, each with why (docs/profiles.md).</summary>
    public IReadOnlyList<NotRunStep> NotRun { get; init; } = [];
}

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
    double? Psi = null,
    ShareChangeTest? Test = null)
{
    /// <summary>Whether <see cref="Score"/> is what the exact values give (false: computed from a reference profile's quantile sketch).</summary>
    public bool Exact { get; init; } = true;

    /// <summary>Null when exact; else how far the score may be from the exact one (docs/profiles.md).</summary>
    public double? ScoreBound { get; init; }
}

/// <summary>
/// The label's change of class shares tested for its sample sizes (target drift only): a two-proportion z-test
/// (binary) or chi-square (more classes). <c>Change</c> is the total variation between the shares (for a binary
/// label the change of the positive rate); the label drifted when the change is significant (p &lt; alpha) and
/// material (at least <c>MinChange</c>). <c>ReferenceRate</c>/<c>CurrentRate</c>: the positive class's share (binary only).
/// </summary>
public sealed record ShareChangeTest(
    string Name,
    double Statistic,
    double PValue,
    double Alpha,
    double Change,
    double MinChange,
    bool Significant,
    bool Material,
    long ReferenceRows,
    long CurrentRows,
    string? PositiveClass = null,
    double? ReferenceRate = null,
    double? CurrentRate = null);

public sealed record MissingRates(double Reference, double Current);

/// <summary>
/// What a chart of the column needs: the share of non-missing values per bin on each side (each
/// side sums to 1). Numeric bins are the reference deciles the binned methods use; categorical
/// and boolean bins are the most frequent categories, then "other".
/// </summary>
public sealed record ColumnDistribution(IReadOnlyList<string> Bins, IReadOnlyList<double> Reference, IReadOnlyList<double> Current);

/// <summary>Drift of the label (target drift) and of the model's outputs (prediction drift): never features.</summary>
public sealed record TargetSection(ColumnDrift? Label, ColumnDrift? Prediction, ColumnDrift? Probability)
{
    /// <summary>A multiclass model's class probability columns (--probability 'p_*' or a list): model outputs, drifting as its confidence moves.</summary>
    public IReadOnlyList<ColumnDrift> ClassProbabilities { get; init; } = [];

    /// <summary>Every target column the check compared, with its role and an id for the report's anchors, in the order the reports list them.</summary>
    public IEnumerable<(string Role, string Id, ColumnDrift Column)> Compared()
    {
        var roles = new[] { ("Target (label)", "target-label", Label), ("Prediction", "target-prediction", Prediction), ("Probability", "target-probability", Probability) }
            .Concat(ClassProbabilities.Select((c, k) => ("Probability", $"target-probability-{k}", (ColumnDrift?)c)));
        foreach (var (role, id, column) in roles)
        {
            if (column is not null)
            {
                yield return (role, id, column);
            }
        }
    }
}

/// <summary>
/// The primary metric before (baseline) and now (current); <c>Drop</c> is positive when worse,
/// absolute for scores, relative for errors (<c>DropKind</c>). <c>Values</c> has every metric.
/// <c>BaselineLow</c> … <c>DropHigh</c>: the primary's confidence intervals (<c>Uncertainty</c> says how they
/// were drawn, or why they are null: metrics from a file have no rows to resample).
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
    IReadOnlyList<MetricComparison> Values,
    double? BaselineLow = null,
    double? BaselineHigh = null,
    double? CurrentLow = null,
    double? CurrentHigh = null,
    double? DropLow = null,
    double? DropHigh = null,
    MetricUncertainty? Uncertainty = null,
    int? BaselineRows = null)
{
    /// <summary>The covariate / concept split of the primary metric's change, when the model's probabilities allow it.</summary>
    public MetricsDecomposition? Decomposition { get; init; }
}

/// <summary>One metric; the <c>…Low</c>/<c>…High</c> pairs are its confidence intervals, null where there were no rows to draw them from.</summary>
public sealed record MetricComparison(
    string Name,
    double? Baseline,
    double? Current,
    double? Drop,
    double? BaselineLow = null,
    double? BaselineHigh = null,
    double? CurrentLow = null,
    double? CurrentHigh = null,
    double? DropLow = null,
    double? DropHigh = null,
    string? IntervalMethod = null);

/// <summary>
/// How the metrics' intervals were drawn: <c>Level</c> (0.95), bootstrap <c>Resamples</c> per file and the
/// <c>Seed</c>; <c>PrimaryMethod</c> "delong" or "bootstrap" (null without intervals); <c>Note</c> says what is
/// missing and why (a metrics file has no rows), or null.
/// </summary>
public sealed record MetricUncertainty(double Level, int Resamples, int Seed, string? PrimaryMethod, string? Note);

/// <summary>The multivariate check: can a classifier tell reference rows from current rows?</summary>
public sealed record DomainSection(double Auc, int ReferenceRows, int CurrentRows, int Folds, IReadOnlyList<SeparatingColumnEntry> TopColumns);

public sealed record SeparatingColumnEntry(string Name, double Importance);

/// <summary>
/// The fine-tune streak the check used and where it came from: the <c>Gate</c> whose entries were
/// read (the policy's history.gate, or the reference's content hash), whether they were
/// <c>CountedFrom</c> "actions" or "checks", the <c>Counted</c> lines (the fine-tunes since the last
/// retrain), the <c>Repeats</c> (checks of the same files since then, not counted) and how many
/// entries belong to <c>OtherGates</c>. See docs/policy.md ("History").
/// </summary>
public sealed record HistorySection(string Path, int FineTunesSinceLastRetrain, bool Recorded)
{
    public string? Gate { get; init; }

    public string? CountedFrom { get; init; }

    public IReadOnlyList<long> Counted { get; init; } = [];

    public IReadOnlyList<long> Repeats { get; init; } = [];

    public int OtherGates { get; init; }
}

public sealed record RowCounts(int Reference, int Current);

public sealed record InputFiles(string Reference, string Current, string? Policy, string? Model, string? Metrics, string? BaselineMetrics);
