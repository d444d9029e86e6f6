using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Checking;

/// <summary>A column as the schema comparison sees it, whichever side it comes from.</summary>
internal sealed record SideColumn(string Name, ColumnKind Kind, long Length, long MissingCount)
{
    public double MissingRate => Length == 0 ? 0 : (double)MissingCount / Length;
}

/// <summary>
/// One side of a check (the reference or the current data) as the stages read it: columns and kinds, rows, what the
/// reader noticed, the content hash, each column's summary, the label's classes and the roles' model facts; and the
/// raw rows when there are any. A data file's summaries are computed when asked for; a profile's are the ones it stores,
/// and it has no rows (<see cref="Table"/> is null), so a stage that needs rows says it was not run.
/// </summary>
internal sealed class CheckSide
{
    private readonly Dictionary<string, SideColumn> _byName;

    private CheckSide(string sourcePath, DataTable? table, ProfileBody? profile, IReadOnlyList<SideColumn> columns, IReadOnlyList<SkippedColumn> skipped, IReadOnlyList<string> warnings, long rows, string? contentSha256)
    {
        SourcePath = sourcePath;
        Table = table;
        Profile = profile;
        Columns = columns;
        SkippedColumns = skipped;
        Warnings = warnings;
        RowCount = rows;
        ContentSha256 = contentSha256;
        _byName = new Dictionary<string, SideColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            _byName.TryAdd(column.Name, column);
        }
    }

    public string SourcePath { get; }

    /// <summary>The rows; null for a profile.</summary>
    public DataTable? Table { get; }

    /// <summary>The profile this side was read from; null for a data file.</summary>
    public ProfileBody? Profile { get; }

    public bool IsProfile => Profile is not null;

    public IReadOnlyList<SideColumn> Columns { get; }

    public IReadOnlyList<SkippedColumn> SkippedColumns { get; }

    public IReadOnlyList<string> Warnings { get; }

    public long RowCount { get; }

    /// <summary>What the history records for this side: a pipe's hash taken while reading, a profile's data hash (docs/profiles.md); null hashes the file.</summary>
    public string? ContentSha256 { get; }

    public ProfileRoles? Roles => Profile?.Roles;

    public static CheckSide Of(DataTable table) => new(
        table.SourcePath,
        table,
        null,
        [.. table.Columns.Select(c => new SideColumn(c.Name, c.Kind, c.Length, c.MissingCount))],
        table.SkippedColumns,
        table.Warnings,
        table.RowCount,
        table.ContentSha256);

    /// <summary>A profile read from <paramref name="path"/>; <paramref name="envelopeSha256"/> (the hash its file states for its body) is its content hash when it names no single data file's.</summary>
    /// <param name="path">The profile's path as given.</param>
    /// <param name="profile">Its body.</param>
    /// <param name="envelopeSha256">The hash the profile's file states for its body.</param>
    /// <param name="skipped">Columns the summariser left out (a SQL source's types AdaptGate cannot summarise), with why.</param>
    public static CheckSide Of(string path, ProfileBody profile, string envelopeSha256, IReadOnlyList<SkippedColumn>? skipped = null) => new(
        path,
        null,
        profile,
        [.. profile.Columns.Select(c => new SideColumn(c.Name, ProfileSummaries.KindOf(c.Kind), c.Rows, c.Missing))],
        skipped ?? [],
        [],
        profile.Rows,
        profile.SourceSha256 ?? envelopeSha256);

    public SideColumn? Find(string name) => _byName.GetValueOrDefault(name);

    public bool HasColumn(string name) => Find(name) is not null || SkippedColumns.Any(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The column as a reference: its own plan (a profile's stored summary).</summary>
    public ColumnSummary ReferenceSummary(string name) =>
        Table is { } table ? ColumnSummarizer.Reference(table.Find(name)!) : ProfileSummaries.ToSummary(ProfileColumn(name));

    /// <summary>The column counted under the reference's plan. A profile's values are counted exactly while held; otherwise its sketch's (within its rank error) unless the plans are the same.</summary>
    public ColumnSummary CurrentSummary(string name, ColumnSummary reference) =>
        Table is { } table ? ColumnSummarizer.Current(table.Find(name)!, reference) : UnderPlan(ProfileSummaries.ToSummary(ProfileColumn(name)), reference.Edges ?? []);

    /// <summary>A label or predicted class as categories (class shares, not a distribution of numbers); null when a profile does not hold it.</summary>
    public ColumnSummary? ClassSummary(string name)
    {
        if (Table is { } table)
        {
            var column = table.Find(name);
            return column is null ? null : ColumnSummarizer.Reference(KindConversion.Convert(column, ColumnKind.Categorical, table.SourcePath));
        }

        return Roles?.Classes.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) is { } classes
            ? ProfileSummaries.ToSummary(classes)
            : null;
    }

    /// <summary>Each class's rows (missing left out), as <see cref="LabelShareTest"/> counts them; null when a profile does not hold them.</summary>
    public IReadOnlyDictionary<string, long>? ClassCounts(string name)
    {
        if (Table is { } table)
        {
            return table.Find(name) is { } column ? LabelShareTest.Counts(column) : null;
        }

        using var summary = ClassSummary(name);
        if (summary?.Categories is not { } categories)
        {
            return null;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Categories.Count; i++)
        {
            if (categories.Counts[i] > 0)
            {
                counts[categories.Categories[i]] = categories.Counts[i];
            }
        }

        return counts;
    }

    /// <summary>The task the label says, inferred as a check infers it; a profile's as it was profiled.</summary>
    public MetricTask? InferredTask(string label)
    {
        if (Table is { } table)
        {
            return table.Find(label) is { } column && column.MissingCount < column.Length ? TaskInference.Infer(column, table.SourcePath).Task : null;
        }

        return Roles is { Task: { } task } && string.Equals(Roles.Label, label, StringComparison.Ordinal) ? ParseTask(task) : null;
    }

    /// <summary>
    /// The columns as the policy's kinds say: a data file's are converted; a profile's cannot be (it holds no values), so a
    /// profile whose kinds differ from the policy's is refused, naming the column and how to make it again.
    /// </summary>
    public CheckSide WithKinds(CheckSettings settings)
    {
        if (Table is { } table)
        {
            var converted = KindOverrides.Apply(settings, table);
            return ReferenceEquals(converted, table) ? this : Of(converted);
        }

        foreach (var column in Columns)
        {
            if (settings.KindFor(column.Name) is { } kind && kind != column.Kind)
            {
                throw new InputException(
                    $"The policy says column '{MessageText.Name(column.Name)}' is {ColumnComparer.KindName(kind)}, but the profile summarised it as {ColumnComparer.KindName(column.Kind)}: a profile holds no values to read again as another kind.",
                    SourcePath,
                    column: column.Name,
                    hint: "Make the profile again with the same policy ('adaptgate profile DATA --policy adaptgate.json --output FILE.agprofile'), or remove the kind from the policy.");
            }
        }

        return this;
    }

    public static MetricTask ParseTask(string task) => task switch
    {
        "binary" => MetricTask.Binary,
        "multiclass" => MetricTask.Multiclass,
        _ => MetricTask.Regression,
    };

    private ProfileColumn ProfileColumn(string name) =>
        Profile!.Columns.First(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static ColumnSummary UnderPlan(ColumnSummary summary, double[] edges)
    {
        if (!summary.IsNumeric || (summary.Edges is { } own && own.AsSpan().SequenceEqual(edges)))
        {
            return summary;
        }

        var counts = summary.Values is { } values
            ? QuantileBinning.Counts(values.Sorted, edges)
            : summary.Sketch is { } sketch ? ProfileMerger.SketchCounts(sketch, edges) : [summary.Present];
        var counted = new ColumnSummary
        {
            Name = summary.Name,
            Kind = summary.Kind,
            IsNumeric = true,
            Rows = summary.Rows,
            Missing = summary.Missing,
            Moments = summary.Moments,
            Values = summary.Values,
            DistinctIntegers = summary.DistinctIntegers,
            Edges = edges,
            BinCounts = counts,
            Sketch = summary.Values is null ? summary.Sketch : null,
        };
        return counted;
    }
}
