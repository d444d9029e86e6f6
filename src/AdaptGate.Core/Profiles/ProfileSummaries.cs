using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Profiles;

/// <summary>Turns column summaries into a profile's columns and back.</summary>
public static class ProfileSummaries
{
    /// <summary>A profile of a table: every column summarised as a reference (its own decile plan); sorted values kept up to <see cref="ColumnSummarizer.ExactValuesLimit"/>.</summary>
    public static ProfileBody Of(DataTable table, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new ProfileColumn[table.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            using var summary = ColumnSummarizer.Reference(table.Columns[i]);
            columns[i] = ToColumn(summary, seed + (ulong)i);
        }

        return new ProfileBody(table.RowCount, [Path.GetFileName(table.SourcePath)], columns);
    }

    public static ProfileColumn ToColumn(ColumnSummary summary, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var kind = ColumnComparer.KindName(summary.Kind);
        if (!summary.IsNumeric)
        {
            var categories = summary.Categories!;
            return new ProfileColumn(summary.Name, kind, summary.Rows, summary.Missing, null, false, null, null, null, null, [.. categories.Categories], [.. categories.Counts]);
        }

        var values = summary.Values is { } held ? held.Sorted : ReadOnlySpan<double>.Empty;
        var sketch = summary.Sketch ?? Sketch(values, seed);
        var m = summary.Moments!;
        return new ProfileColumn(
            summary.Name, kind, summary.Rows, summary.Missing,
            new ProfileMoments(m.Count, m.Min, m.Max, m.Mean, m.M2, m.AllInteger),
            summary.DistinctIntegers,
            summary.Edges,
            summary.BinCounts,
            summary.Values is not null && values.Length <= ColumnSummarizer.ExactValuesLimit ? values.ToArray() : null,
            ToSketch(sketch),
            null,
            null);
    }

    /// <summary>A profile's column as the summary a check compares.</summary>
    public static ColumnSummary ToSummary(ProfileColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var kind = KindOf(column.Kind);
        if (column.Moments is not { } m)
        {
            return new ColumnSummary
            {
                Name = column.Name,
                Kind = kind,
                IsNumeric = false,
                Rows = column.Rows,
                Missing = column.Missing,
                Categories = new CategoricalSummary(column.Categories ?? [], column.CategoryCounts ?? [], checked((int)column.Missing)),
            };
        }

        return new ColumnSummary
        {
            Name = column.Name,
            Kind = kind,
            IsNumeric = true,
            Rows = column.Rows,
            Missing = column.Missing,
            Moments = new NumericMoments(m.Count, m.Min, m.Max, m.Mean, m.M2, m.AllInteger),
            Values = column.Values is { } values ? NumericSummary.FromValues(values) : null,
            DistinctIntegers = column.DistinctIntegers,
            Edges = column.Edges ?? [],
            BinCounts = column.BinCounts ?? [column.Rows - column.Missing],
            Sketch = column.Sketch is { } s ? FromSketch(s) : null,
        };
    }

    public static ColumnKind KindOf(string kind) => kind switch
    {
        "numeric" => ColumnKind.Numeric,
        "boolean" => ColumnKind.Boolean,
        "categorical" => ColumnKind.Categorical,
        "datetime" => ColumnKind.Datetime,
        _ => throw new InvalidDataException($"Unknown column kind '{kind}'."),
    };

    public static ProfileSketch ToSketch(KllSketch sketch) =>
        new(sketch.K, sketch.Count, sketch.Min, sketch.Max, sketch.RandomState, [.. sketch.Levels.Select(l => l.ToArray())]);

    public static KllSketch FromSketch(ProfileSketch sketch) =>
        KllSketch.Restore(sketch.K, sketch.Count, sketch.Min, sketch.Max, sketch.RandomState, sketch.Levels);

    private static KllSketch Sketch(ReadOnlySpan<double> values, ulong seed)
    {
        var sketch = new KllSketch(seed: seed);
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        return sketch;
    }
}
