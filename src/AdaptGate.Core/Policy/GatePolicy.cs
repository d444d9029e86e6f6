using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Drift.Methods;

namespace AdaptGate.Core.Policy;

// The policy file (adaptgate.json). Every property has the default that applies when the file, or
// the key, is absent: a missing file and `adaptgate init`'s output mean exactly the same thing.
// JSON names are the camelCase of the property names; docs/adaptgate.schema.json describes them.

/// <summary>The whole policy: how to measure drift and metrics, and the rules that turn them into a verdict.</summary>
public sealed record GatePolicy
{
    /// <summary>Seed of every random step (sampling, cross-validation): same inputs, same bytes out.</summary>
    public int Seed { get; init; }

    public DriftPolicy Drift { get; init; } = new();

    /// <summary>Columns left out of drift, as `--ignore` does.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Per-column settings, by exact column name.</summary>
    public IReadOnlyDictionary<string, ColumnPolicy> Columns { get; init; } = new Dictionary<string, ColumnPolicy>();

    public TargetPolicy Target { get; init; } = new();

    public MetricsPolicy Metrics { get; init; } = new();

    public DomainClassifierPolicy DomainClassifier { get; init; } = new();

    public RulesPolicy Rules { get; init; } = new();

    /// <summary>Whether a trial of the three actions decides when the model is at hand.</summary>
    public DecisionPolicy Decision { get; init; } = new();

    public HistoryPolicy History { get; init; } = new();

    /// <summary>What adapt's retrain learns from.</summary>
    public RetrainPolicy Retrain { get; init; } = new();

    /// <summary>How the data files are read: header row, column names, extra missing-value spellings.</summary>
    public InputPolicy Input { get; init; } = new();
}

/// <summary>How text data files are read, as `--no-header`, `--columns` and `--na-values` say on the command line.</summary>
public sealed record InputPolicy
{
    /// <summary>Whether the first line of a text file names the columns (false: it is the first data row).</summary>
    public bool Header { get; init; } = true;

    /// <summary>The columns' names in file order: for files without a header row, or in place of the header's names. Empty: the header's (or column1, column2, ...).</summary>
    public IReadOnlyList<string> ColumnNames { get; init; } = [];

    /// <summary>Cell texts that mean "missing" besides the built-in ones (such as "?" or "-999").</summary>
    public IReadOnlyList<string> NaValues { get; init; } = [];
}

public sealed record DriftPolicy
{
    public DriftMethod Method { get; init; } = DriftMethod.Auto;

    public DriftThresholds Thresholds { get; init; } = new();

    public PValueCorrection Correction { get; init; } = PValueCorrection.None;
}

/// <summary>Threshold of each method: a p-value for the tests, a distance otherwise (defaults from <see cref="DriftMethodRegistry"/>).</summary>
public sealed record DriftThresholds
{
    public double Ks { get; init; } = DriftMethodRegistry.Ks.DefaultThreshold;

    public double ChiSquare { get; init; } = DriftMethodRegistry.ChiSquare.DefaultThreshold;

    public double Psi { get; init; } = DriftMethodRegistry.Psi.DefaultThreshold;

    public double Wasserstein { get; init; } = DriftMethodRegistry.Wasserstein.DefaultThreshold;

    public double JensenShannon { get; init; } = DriftMethodRegistry.JensenShannon.DefaultThreshold;

    public double For(DriftMethod method) => method == DriftMethod.Auto
        ? throw new ArgumentException($"'{DriftMethods.Name(method)}' has no threshold of its own; resolve it first.", nameof(method))
        : DriftMethodRegistry.Get(method).PolicyThreshold(this);
}

public sealed record ColumnPolicy
{
    public bool Ignore { get; init; }

    /// <summary>Read the column as this kind instead of the inferred one.</summary>
    public ColumnKind? Kind { get; init; }

    public DriftMethod? Method { get; init; }

    public double? Threshold { get; init; }

    /// <summary>Importance of the column in the drift share (default 1; 0 keeps it in the report but out of the share).</summary>
    public double Weight { get; init; } = 1;
}

/// <summary>The columns that hold the label and the model's outputs: never features.</summary>
public sealed record TargetPolicy
{
    public string? Label { get; init; }

    public string? Prediction { get; init; }

    public string? Probability { get; init; }

    /// <summary>binary, multiclass or regression; null infers it from the label.</summary>
    public string? Task { get; init; }

    /// <summary>The label value that counts as positive in binary tasks, when it cannot be inferred.</summary>
    public string? PositiveClass { get; init; }
}

public sealed record MetricsPolicy
{
    /// <summary>The metric that decides; null takes the task's default (auc, micro-accuracy, rmse).</summary>
    public string? Primary { get; init; }

    /// <summary>
    /// Absolute limits by metric name: the least acceptable value of a higher-is-better metric
    /// (auc 0.8), the most acceptable of an error (rmse 12.5). Crossing one is a collapse.
    /// </summary>
    public IReadOnlyDictionary<string, double> Floors { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// When a metric rule (metric-collapse, metric-drop-diverged, metric-drop, a floor) may decide on a change
    /// that is material (at or past its threshold): see <see cref="MetricCredibility"/> and docs/decisions.md.
    /// </summary>
    public MetricCredibility Credibility { get; init; } = MetricCredibility.Interval;

    public BootstrapPolicy Bootstrap { get; init; } = new();
}

/// <summary>How the confidence intervals of metrics computed from rows are drawn.</summary>
public sealed record BootstrapPolicy
{
    /// <summary>Bootstrap resamples per file (seeded with the policy's seed, stratified by class for classification).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Confidence level of every interval.</summary>
    public double Level { get; init; } = 0.95;
}

/// <summary>The multivariate check: a classifier trained to tell reference rows from current rows.</summary>
public sealed record DomainClassifierPolicy
{
    public bool Enabled { get; init; }

    public int MaxRowsPerSide { get; init; } = 50_000;

    public int Folds { get; init; } = 5;
}

public sealed record HistoryPolicy
{
    /// <summary>Where each check appends its verdict (JSON lines); relative to the working directory.</summary>
    public string Path { get; init; } = ".adaptgate/history.jsonl";

    /// <summary>
    /// The gate's name in a history file other gates share: its entries, and only those, make its
    /// fine-tune streak. Null tells gates apart by the reference file's content hash.
    /// </summary>
    public string? Gate { get; init; }
}

/// <summary>The rows a retrain is fitted on (docs/adapt.md, "The retrain window").</summary>
public sealed record RetrainPolicy
{
    /// <summary>reference+current (every training row of both files), current (the current file's only), or last:N (the newest N training rows, the current file's last).</summary>
    public string Window { get; init; } = Adaptation.RetrainWindow.ReferenceAndCurrent;
}
