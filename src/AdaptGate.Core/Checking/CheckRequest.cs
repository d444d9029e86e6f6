using AdaptGate.Core.Drift;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Output;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Everything one check needs, as the tool or the MSBuild task received it. Settings given here
/// override the policy's; what is left null comes from the policy (or its defaults).
/// </summary>
public sealed record CheckRequest
{
    /// <summary>The data the model was trained or validated on.</summary>
    public required string ReferencePath { get; init; }

    /// <summary>The data the model sees now.</summary>
    public required string CurrentPath { get; init; }

    /// <summary>The policy file (adaptgate.json); null uses the built-in defaults.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>Overrides the policy's drift method for every column without a method of its own.</summary>
    public DriftMethod? DriftMethod { get; init; }

    /// <summary>Overrides every column's threshold (p-value for ks/chisquare, distance otherwise).</summary>
    public double? DriftThreshold { get; init; }

    /// <summary>Field separator for text files; null picks it from the file extension.</summary>
    public char? Delimiter { get; init; }

    /// <summary>False: the first line of a text file is data (--no-header); null takes the policy's input.header.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>The columns' names in file order (--columns); empty takes the policy's input.columnNames.</summary>
    public IReadOnlyList<string> ColumnNames { get; init; } = [];

    /// <summary>Extra spellings of a missing value (--na-values), in addition to the policy's input.naValues.</summary>
    public IReadOnlyList<string> NaValues { get; init; } = [];

    /// <summary>Columns left out of drift, in addition to the policy's.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public string? LabelColumn { get; init; }

    public string? PredictionColumn { get; init; }

    public string? ProbabilityColumn { get; init; }

    public MetricTask? Task { get; init; }

    public string? PositiveClass { get; init; }

    /// <summary>An ML.NET model (.zip) to evaluate on both files.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The model's training recipe: the trial's retrain refits the whole pipeline from it (docs/adapt.md).</summary>
    public string? RecipePath { get; init; }

    /// <summary>The login for a SQL source given as --reference or --current (clickhouse://…): the tool reads it from the environment.</summary>
    public Sql.SqlCredentials? SqlLogin { get; init; }

    /// <summary>Current metrics from another framework: a flat JSON object of name → number.</summary>
    public string? MetricsPath { get; init; }

    /// <summary>Baseline metrics from another framework (or to replace the model's optimistic baseline).</summary>
    public string? BaselineMetricsPath { get; init; }

    /// <summary>The history file; null takes the policy's. Ignored when <see cref="RecordHistory"/> is false and the file is absent.</summary>
    public string? HistoryPath { get; init; }

    /// <summary>Append this check to the history (reading it happens either way, when it exists).</summary>
    public bool RecordHistory { get; init; } = true;

    /// <summary>The files the caller writes from the report (the tool's --output, --json, --markdown): refused before any work when one is an input.</summary>
    public IReadOnlyList<FileRole> Outputs { get; init; } = [];

    /// <summary>Told each step of the check as it starts (the tool shows it on a terminal); may be called from several threads.</summary>
    public IProgress<CheckProgress>? Progress { get; init; }

    /// <summary>The clock for history entries (tests pass a fixed one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Threads for the per-column tests: one per core by default. The tests are CPU-bound, so more
    /// threads (which the thread pool adds when work items run long) would only add live sort buffers:
    /// on two 10M-row files each one holds about 250 MB. Tests set 1 to prove that a parallel run gives
    /// the same report, digit for digit, as a sequential one. (Each file is read by one thread either
    /// way, so reading both at once cannot change a value.)
    /// </summary>
    internal int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
